using Promptmark.Api.Engines.Egress;
using Promptmark.Api.Tests.Support;
using Promptmark.Api.Features.Connections.Remote;

namespace Promptmark.Api.Tests.Connections.Remote;

public sealed class RemoteCredentialTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_connections_headers_go_with_every_request()
    {
        await using var server = await McpTestServer.StartAsync();
        await using var pool = new SessionsUnderTest([server.Port]);
        var remote = RemoteServers.WithBearer(server.Url, "token-1");

        await pool.Sessions.ListToolsAsync(remote, Cancellation);
        await pool.Sessions.CallToolAsync(remote, "echo", Arguments.Of(("text", "x")), null, Cancellation);

        server.Requests.ShouldNotBeEmpty();
        server.Requests.ShouldAllBe(request => request.Authorization == "Bearer token-1" && request.ApiKey == "token-1");
    }

    [Fact]
    public async Task A_redirect_to_another_origin_is_followed_without_the_credentials()
    {
        await using var server = await McpTestServer.StartAsync();
        await using var redirector = await Redirector.StartAsync(server.Url);
        await using var pool = new SessionsUnderTest([server.Port, redirector.Port]);
        var remote = RemoteServers.WithBearer(redirector.Url, "token-2");

        var list = await pool.Sessions.ListToolsAsync(remote, Cancellation);
        await pool.Sessions.CallToolAsync(remote, "echo", Arguments.Of(("text", "x")), null, Cancellation);

        list.ServerName.ShouldBe(McpTestServer.ServerName);
        redirector.AuthorizationSeen.ShouldNotBeEmpty();
        redirector.AuthorizationSeen.ShouldAllBe(authorization => authorization == "Bearer token-2");
        server.Requests.ShouldNotBeEmpty();
        server.Requests.ShouldAllBe(request => request.Authorization == "" && request.ApiKey == "");
    }

    [Fact]
    public async Task A_redirect_to_a_port_that_is_not_allowed_is_refused_before_anything_connects()
    {
        using var target = new ConnectionCounter();
        await using var redirector = await Redirector.StartAsync(new Uri($"http://127.0.0.1:{target.Port}/mcp"));
        await using var pool = new SessionsUnderTest([redirector.Port]);

        var failure = await Should.ThrowAsync<RemoteServerException>(
            pool.Sessions.ListToolsAsync(RemoteServers.WithBearer(redirector.Url, "token-3"), Cancellation));

        failure.Message.ShouldBe(EgressRefusals.HttpsRequired);
        failure.Message.ShouldNotContain("127.0.0.1");
        (await target.AcceptedBeforeNowAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_server_that_is_not_listening_gives_a_safe_message()
    {
        var port = ConnectionCounter.ClosedPort();
        await using var pool = new SessionsUnderTest([port]);

        var failure = await Should.ThrowAsync<RemoteServerException>(
            pool.Sessions.ListToolsAsync(RemoteServers.At(new Uri($"http://127.0.0.1:{port}/mcp")), Cancellation));

        failure.Message.ShouldBe("could not reach the server (connection refused)");
    }

    [Fact]
    public async Task A_url_outside_the_allowlist_is_refused_without_connecting()
    {
        using var target = new ConnectionCounter();
        await using var pool = new SessionsUnderTest([]);

        var failure = await Should.ThrowAsync<RemoteServerException>(
            pool.Sessions.ListToolsAsync(RemoteServers.At(new Uri($"http://127.0.0.1:{target.Port}/mcp")), Cancellation));

        failure.Message.ShouldBe(EgressRefusals.HttpsRequired);
        (await target.AcceptedBeforeNowAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task No_failure_message_or_log_line_holds_a_credential()
    {
        var canary = $"canary-{Guid.NewGuid():N}";
        await using var server = await McpTestServer.StartAsync();
        await using var echoing = await CredentialEchoingServer.StartAsync();
        using var target = new ConnectionCounter();
        await using var redirector = await Redirector.StartAsync(new Uri($"http://127.0.0.1:{target.Port}/mcp"));
        var closedPort = ConnectionCounter.ClosedPort();
        await using var pool = new SessionsUnderTest([server.Port, echoing.Port, redirector.Port, closedPort]);

        var failures = new List<RemoteServerException>();
        foreach (var url in new[] { echoing.Url, redirector.Url, new Uri($"http://127.0.0.1:{closedPort}/mcp") })
            failures.Add(await Should.ThrowAsync<RemoteServerException>(pool.Sessions.ListToolsAsync(RemoteServers.WithBearer(url, canary), Cancellation)));
        failures.Add(await Should.ThrowAsync<RemoteServerException>(
            pool.Sessions.CallToolAsync(RemoteServers.WithBearer(server.Url, canary), "no_such_tool", Arguments.Of(), null, Cancellation)));

        failures[0].Message.ShouldBe("the server answered 401 Unauthorized");
        failures.ShouldAllBe(failure => !failure.ToString().Contains(canary));
        pool.Logs.ShouldNotBeEmpty();
        pool.Logs.ShouldAllBe(line => !line.Contains(canary));
    }
}
