using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections;

/// <summary>Another user's connections, tools and executions answer 404 on every route and tool, and stay untouched.</summary>
public sealed class ConnectionIsolationTests(PromptmarkApp app, EverythingFixture everything) : IClassFixture<EverythingFixture>
{
    [Fact]
    public async Task every_connection_route_answers_404_to_a_stranger()
    {
        var owner = await app.NewUserAsync();
        var id = await app.ConnectAsync(owner, everything.Server.Endpoint);
        await app.ExecuteAsync(owner, id, "echo", new { message = "private" });
        var stranger = await app.NewUserAsync();

        var routes = new (HttpMethod Verb, string Url, object? Body, string What)[]
        {
            (HttpMethod.Get, $"/api/mcp/connections/{id}", null, "connection"),
            (HttpMethod.Put, $"/api/mcp/connections/{id}", new { name = "mine" }, "connection"),
            (HttpMethod.Delete, $"/api/mcp/connections/{id}", null, "connection"),
            (HttpMethod.Post, $"/api/mcp/connections/{id}/test", new { }, "connection"),
            (HttpMethod.Post, $"/api/mcp/connections/{id}/refresh-tools", new { }, "connection"),
            (HttpMethod.Get, $"/api/mcp/connections/{id}/tools", null, "connection"),
            (HttpMethod.Get, $"/api/mcp/connections/{id}/tools/echo", null, "connection"),
            (HttpMethod.Post, $"/api/mcp/connections/{id}/tools/echo/favorite", new { is_favorite = true }, "connection"),
            (HttpMethod.Post, $"/api/mcp/connections/{id}/tools/echo/execute", new { arguments = new { message = "x" } }, "connection"),
            (HttpMethod.Post, $"/api/mcp/connections/{id}/tools/echo/stream", new { arguments = new { message = "x" } }, "connection"),
        };
        foreach (var (verb, url, body, what) in routes)
            (await Support.Api.SendAsync(app.Host, stranger, verb, url, body, 404)).Str("detail").ShouldBe($"{what} not found", $"{verb} {url}");
        (await app.ExecutionsAsync(stranger, id)).GetArrayLength().ShouldBe(0);
        (await app.GetAsync(stranger, "/api/mcp/connections")).GetProperty("total").GetInt32().ShouldBe(0);

        await AssertUntouchedAsync(owner, id);
    }

    [Fact]
    public async Task every_connection_tool_answers_not_found_to_a_stranger()
    {
        var owner = await app.NewUserAsync();
        var id = await app.ConnectAsync(owner, everything.Server.Endpoint);
        await app.ExecuteAsync(owner, id, "echo", new { message = "private" });
        var stranger = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(stranger);

        var calls = new (string Tool, object Arguments)[]
        {
            ("get_mcp_connection", new { id }),
            ("update_mcp_connection", new { id, name = "mine" }),
            ("delete_mcp_connection", new { id }),
            ("refresh_mcp_tools", new { connection_id = id }),
            ("list_mcp_tools", new { connection_id = id }),
            ("get_mcp_tool", new { connection_id = id, tool_name = "echo" }),
            ("favorite_mcp_tool", new { connection_id = id, tool_name = "echo", is_favorite = true }),
        };
        foreach (var (tool, arguments) in calls)
            (await mcp.CallErrorAsync(tool, arguments)).ShouldContain("connection not found", customMessage: tool);
        (await mcp.CallJsonAsync("list_mcp_executions", new { connection_id = id })).GetProperty("executions").GetArrayLength().ShouldBe(0);
        (await mcp.CallJsonAsync("list_mcp_connections")).GetProperty("total").GetInt32().ShouldBe(0);

        await AssertUntouchedAsync(owner, id);
    }

    private async Task AssertUntouchedAsync(TestUser owner, string id)
    {
        var connection = await app.GetAsync(owner, $"/api/mcp/connections/{id}");
        connection.Str("name").ShouldBe("everything");
        connection.Str("status").ShouldBe("connected");
        connection.GetProperty("tools").EnumerateArray().ShouldAllBe(t => !t.GetProperty("is_favorite").GetBoolean());
        (await app.ExecutionsAsync(owner, id)).GetArrayLength().ShouldBe(1);
    }
}
