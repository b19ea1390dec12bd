using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections.Remote;

public sealed class RemoteSessionPoolTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Many_calls_share_one_session()
    {
        await using var server = await McpTestServer.StartAsync();
        await using var pool = new SessionsUnderTest([server.Port]);
        var remote = RemoteServers.At(server.Url);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            pool.Sessions.CallToolAsync(remote, "echo", Arguments.Of(("text", $"call {i}")), null, Cancellation)));
        await pool.Sessions.ListToolsAsync(remote, Cancellation);
        await pool.Sessions.CallToolAsync(remote, "echo", Arguments.Of(("text", "later")), null, Cancellation);

        server.Initializes.ShouldBe(1);
    }

    [Fact]
    public async Task A_new_revision_closes_the_old_session_and_opens_another()
    {
        await using var server = await McpTestServer.StartAsync();
        await using var pool = new SessionsUnderTest([server.Port]);
        var connectionId = Guid.NewGuid();

        await pool.Sessions.ListToolsAsync(RemoteServers.WithBearer(server.Url, "first-token", connectionId, revision: "1"), Cancellation);
        await pool.Sessions.ListToolsAsync(RemoteServers.WithBearer(server.Url, "second-token", connectionId, revision: "2"), Cancellation);

        server.Initializes.ShouldBe(2);
        server.Requests.ShouldContain(request => request.Method == "DELETE" && request.Authorization == "Bearer first-token");
        server.Requests.Last().Authorization.ShouldBe("Bearer second-token");
    }

    [Fact]
    public async Task Closing_a_connection_ends_its_session_and_the_next_call_opens_a_new_one()
    {
        await using var server = await McpTestServer.StartAsync();
        await using var pool = new SessionsUnderTest([server.Port]);
        var remote = RemoteServers.At(server.Url);

        await pool.Sessions.ListToolsAsync(remote, Cancellation);
        await pool.Sessions.CloseAsync(remote.ConnectionId);
        await pool.Sessions.ListToolsAsync(remote, Cancellation);

        server.Requests.Count(request => request.Method == "DELETE").ShouldBe(1);
        server.Initializes.ShouldBe(2);
    }

    [Fact]
    public async Task A_session_the_server_no_longer_knows_is_reopened_once_without_the_caller_noticing()
    {
        await using var server = await McpTestServer.StartAsync();
        await using var pool = new SessionsUnderTest([server.Port]);
        var remote = RemoteServers.At(server.Url);
        await pool.Sessions.CallToolAsync(remote, "echo", Arguments.Of(("text", "before")), null, Cancellation);

        await server.RestartAsync();
        var result = await pool.Sessions.CallToolAsync(remote, "echo", Arguments.Of(("text", "after")), null, Cancellation);

        Arguments.Text(result).ShouldBe("after");
        server.Initializes.ShouldBe(2);
    }

    [Fact]
    public async Task A_session_lost_with_its_server_is_replaced_when_the_server_is_back()
    {
        await using var server = await McpTestServer.StartAsync();
        await using var pool = new SessionsUnderTest([server.Port]);
        var remote = RemoteServers.At(server.Url);
        await pool.Sessions.ListToolsAsync(remote, Cancellation);

        await server.StopAsync();
        var failure = await Should.ThrowAsync<RemoteServerException>(pool.Sessions.ListToolsAsync(remote, Cancellation));
        await server.RestartAsync();
        var list = await pool.Sessions.ListToolsAsync(remote, Cancellation);

        failure.Message.ShouldBe("could not reach the server (connection refused)");
        list.ServerName.ShouldBe(McpTestServer.ServerName);
    }

    [Fact]
    public async Task An_idle_session_is_closed()
    {
        await using var server = await McpTestServer.StartAsync();
        await using var pool = new SessionsUnderTest([server.Port], new RemoteSessionOptions { IdleTimeout = TimeSpan.FromMilliseconds(200) });
        var remote = RemoteServers.At(server.Url);

        await pool.Sessions.ListToolsAsync(remote, Cancellation);
        await Waits.UntilAsync(() => server.Requests.Any(request => request.Method == "DELETE"), "the idle session to be closed with a DELETE");
        await pool.Sessions.ListToolsAsync(remote, Cancellation);

        server.Initializes.ShouldBe(2);
    }
}
