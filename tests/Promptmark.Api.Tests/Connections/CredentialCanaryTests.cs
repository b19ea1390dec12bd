using System.Text.Json;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections;

/// <summary>
/// A canary credential planted through every auth type and every route and tool, succeeding and failing, must never
/// come back in a response, reach a log line or be stored in clear in the database.
/// </summary>
public sealed class CredentialCanaryTests(PromptmarkApp app, EverythingFixture everything) : IClassFixture<EverythingFixture>
{
    private readonly string _canary = $"CANARY{Guid.NewGuid():N}";
    private readonly List<string> _responses = [];

    [Fact]
    public async Task a_credential_never_leaves_the_server_in_clear()
    {
        var user = await app.NewUserAsync();
        var proxy = await everything.ProxyAsync(RequiredHeader.Bearer(_canary));
        var url = proxy.Endpoint(everything.Server.Endpoint).ToString();

        var good = (await SendAsync(user, HttpMethod.Post, "/api/mcp/connections", new { name = "good", server_url = url, auth_type = "bearer", auth_credentials = _canary }, 201)).Id();
        var failing = new List<string>();
        foreach (var (type, credentials) in new[]
                 {
                     ("api_key", _canary), ("oauth", $"{{\"access_token\":\"{_canary}-oauth\"}}"), ("custom_headers", $"{{\"X-Secret\":\"{_canary}\"}}"),
                 })
            failing.Add((await SendAsync(user, HttpMethod.Post, "/api/mcp/connections", new { name = type, server_url = url, auth_type = type, auth_credentials = credentials }, 201)).Id());
        foreach (var (type, credentials) in new[]
                 {
                     ("bearer", $"{_canary}\nX"), ("oauth", $"{{\"access_token\":{_canary}"), ("custom_headers", $"{{\"Host\":\"{_canary}\"}}"),
                     ("custom_headers", $"{{\"{_canary} bad\":\"v\"}}"), ("none", _canary),
                 })
            await SendAsync(user, HttpMethod.Post, "/api/mcp/connections", new { name = "bad", server_url = url, auth_type = type, auth_credentials = credentials }, 400);

        await SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{good}/test", new { }, 200);
        await SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{good}/refresh-tools", new { }, 200);
        foreach (var id in failing)
        {
            await SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{id}/test", new { }, 200);
            await SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{id}/refresh-tools", new { }, 502);
        }
        await SendAsync(user, HttpMethod.Get, "/api/mcp/connections", null, 200);
        await SendAsync(user, HttpMethod.Get, $"/api/mcp/connections/{good}", null, 200);
        await SendAsync(user, HttpMethod.Get, $"/api/mcp/connections/{good}/tools", null, 200);
        await SendAsync(user, HttpMethod.Get, $"/api/mcp/connections/{good}/tools/echo", null, 200);
        await SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{good}/tools/echo/favorite", new { is_favorite = true }, 200);
        await SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{good}/tools/echo/execute", new { arguments = new { message = "hi" } }, 200);
        await SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{good}/tools/echo/execute", new { arguments = new { } }, 422);
        await SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{good}/tools/echo/stream", new { arguments = new { message = "hi" } }, 200);
        await SendAsync(user, HttpMethod.Put, $"/api/mcp/connections/{good}", new { auth_type = "bearer", auth_credentials = $"{_canary}-2" }, 200);
        await SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{good}/tools/echo/execute", new { arguments = new { message = "after" } }, 502);
        await SendAsync(user, HttpMethod.Put, $"/api/mcp/connections/{good}", new { auth_type = "oauth", auth_credentials = _canary }, 400);
        await SendAsync(user, HttpMethod.Get, "/api/mcp/executions", null, 200);
        await ExerciseMcpToolsAsync(user, url, good);
        await SendAsync(user, HttpMethod.Delete, $"/api/mcp/connections/{failing[0]}", null, 200);

        proxy.Requests.ShouldContain(r => r.Header("Authorization") == $"Bearer {_canary}", "the canary really was used");
        _responses.Where(r => r.Contains(_canary, StringComparison.Ordinal)).ShouldBeEmpty();
        app.Logs.Lines.Where(l => l.Contains(_canary, StringComparison.Ordinal)).ShouldBeEmpty();
        var stored = await app.TablesContainingAsync(_canary);
        stored.Searched.ShouldContain("mt_doc_mcpconnection");
        stored.Containing.ShouldBeEmpty();
    }

    private async Task ExerciseMcpToolsAsync(TestUser user, string url, string id)
    {
        await using var mcp = await app.McpClientAsync(user);
        var calls = new (string Tool, object Arguments)[]
        {
            ("create_mcp_connection", new { name = "mcp", server_url = url, auth_type = "api_key", auth_credentials = _canary }),
            ("create_mcp_connection", new { name = "mcp", server_url = url, auth_type = "custom_headers", auth_credentials = $"{{\"Connection\":\"{_canary}\"}}" }),
            ("update_mcp_connection", new { id, auth_type = "bearer", auth_credentials = _canary }),
            ("update_mcp_connection", new { id, auth_type = "custom_headers", auth_credentials = $"[\"{_canary}\"]" }),
            ("refresh_mcp_tools", new { connection_id = id }),
            ("list_mcp_connections", new { }),
            ("get_mcp_connection", new { id }),
            ("list_mcp_tools", new { connection_id = id }),
            ("get_mcp_tool", new { connection_id = id, tool_name = "echo" }),
            ("favorite_mcp_tool", new { connection_id = id, tool_name = "echo", is_favorite = false }),
            ("list_mcp_executions", new { }),
        };
        foreach (var (tool, arguments) in calls)
            _responses.Add(McpCalls.Text(await mcp.CallAsync(tool, arguments)));
    }

    private async Task<JsonElement> SendAsync(TestUser user, HttpMethod verb, string url, object? body, int expect)
    {
        var result = await app.Host.Scenario(s =>
        {
            if (verb == HttpMethod.Get) s.Get.Url(url);
            else if (verb == HttpMethod.Delete) s.Delete.Url(url);
            else if (verb == HttpMethod.Put) s.Put.Json(body!).ToUrl(url);
            else s.Post.Json(body!).ToUrl(url);
            s.WithBearerToken(user.Token);
            s.StatusCodeShouldBe(expect);
        });
        var text = await result.ReadAsTextAsync();
        _responses.Add(text + string.Join("\n", result.Context.Response.Headers.Select(h => $"{h.Key}: {h.Value}")));
        return text.StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
    }
}
