using System.Text.Json;

namespace Promptmark.Api.Tests.Support;

public static class Connections
{
    public static async Task<string> CreateConnectionAsync(
        this PromptmarkApp app, TestUser user, Uri url, string authType = "none", string? credentials = null, string name = "everything") =>
        (await app.PostAsync(user, "/api/mcp/connections",
            new { name, server_url = url.ToString(), auth_type = authType, auth_credentials = credentials }, 201)).Id();

    /// <summary>Creates a connection and runs its test, which must succeed.</summary>
    public static async Task<string> ConnectAsync(this PromptmarkApp app, TestUser user, Uri url, string authType = "none", string? credentials = null)
    {
        var id = await app.CreateConnectionAsync(user, url, authType, credentials);
        var test = await app.PostAsync(user, $"/api/mcp/connections/{id}/test", new { });
        test.GetProperty("ok").GetBoolean().ShouldBeTrue(test.GetRawText());
        return id;
    }

    /// <remarks>The test client writes snake_case: give camelCase argument names as a dictionary.</remarks>
    public static Task<JsonElement> ExecuteAsync(this PromptmarkApp app, TestUser user, string connectionId, string tool, object arguments, int expect = 200) =>
        app.PostAsync(user, $"/api/mcp/connections/{connectionId}/tools/{tool}/execute", new { arguments }, expect);

    /// <summary>The text blocks of an execute answer's MCP result, joined.</summary>
    public static string ResultText(this JsonElement execution) =>
        string.Concat(execution.GetProperty("result").GetProperty("content").EnumerateArray()
            .Where(c => c.Str("type") == "text").Select(c => c.Str("text")));

    public static async Task<JsonElement> ExecutionsAsync(this PromptmarkApp app, TestUser user, string? connectionId = null) =>
        (await app.GetAsync(user, connectionId is null ? "/api/mcp/executions?limit=100" : $"/api/mcp/executions?limit=100&connection_id={connectionId}"))
        .GetProperty("executions");
}
