using Promptmark.Api.Features.Connections.Remote;

namespace Promptmark.Api.Tests.Connections.Remote;

public sealed class RemoteToolListTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_page_of_the_tool_list_is_read_with_the_servers_name_and_version()
    {
        await using var server = await McpTestServer.StartAsync(toolPages: 3);
        await using var pool = new SessionsUnderTest([server.Port]);

        var list = await pool.Sessions.ListToolsAsync(RemoteServers.At(server.Url), Cancellation);

        list.ServerName.ShouldBe(McpTestServer.ServerName);
        list.ServerVersion.ShouldBe(McpTestServer.ServerVersion);
        list.Tools.Select(tool => tool.Name).ShouldBe(
            ["page1_tool1", "page1_tool2", .. McpTestServer.OwnTools, "page2_tool1", "page2_tool2", "page3_tool1", "page3_tool2"],
            ignoreOrder: true);
        var echo = list.Tools.Single(tool => tool.Name == "echo");
        echo.Description.ShouldBe("Says the text back.");
        echo.InputSchema.GetProperty("properties").GetProperty("text").GetProperty("type").GetString().ShouldBe("string");
    }

    [Fact]
    public async Task A_server_whose_cursor_never_ends_is_stopped_with_a_safe_message()
    {
        await using var server = await McpTestServer.StartAsync(cursorNeverEnds: true);
        await using var pool = new SessionsUnderTest([server.Port]);

        var failure = await Should.ThrowAsync<RemoteServerException>(pool.Sessions.ListToolsAsync(RemoteServers.At(server.Url), Cancellation));

        failure.Message.ShouldBe("the server's tool list is too large (more than 100 pages)");
    }

    [Fact]
    public async Task A_server_with_only_the_legacy_sse_transport_is_reached_through_the_fallback()
    {
        await using var server = await McpTestServer.StartAsync(legacySseOnly: true);
        await using var pool = new SessionsUnderTest([server.Port]);
        var remote = RemoteServers.At(server.Url);

        var list = await pool.Sessions.ListToolsAsync(remote, Cancellation);
        var progress = new RecordingProgress();
        var result = await pool.Sessions.CallToolAsync(remote, "count", Arguments.Of(("to", 5)), progress, Cancellation);

        list.Tools.Count.ShouldBe(McpTestServer.OwnTools.Length + 3 * McpTestServer.ExtraToolsPerPage);
        Arguments.Text(result).ShouldBe("counted to 5");
        progress.Values.ShouldNotBeEmpty();
        server.Requests.ShouldContain(request => request.Method == "POST" && request.Path == "/mcp/sse");
        server.Requests.ShouldContain(request => request.Method == "GET" && request.Path == "/mcp/sse");
        server.Initializes.ShouldBe(1);
    }
}
