using System.Text.Json;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Prompts;

/// <summary>A second user walks every prompt route and tool against the first user's private prompt and learns nothing.</summary>
public sealed class TenantIsolationTests(PromptmarkApp app)
{
    [Fact]
    public async Task every_prompt_route_answers_404_for_another_users_prompt()
    {
        var (owner, id) = await OwnersPrivatePromptAsync();
        var stranger = await app.NewUserAsync();

        var routes = new (HttpMethod Verb, string Url, object? Body)[]
        {
            (HttpMethod.Get, $"/api/prompts/{id}", null),
            (HttpMethod.Patch, $"/api/prompts/{id}", new { title = "stolen" }),
            (HttpMethod.Delete, $"/api/prompts/{id}", null),
            (HttpMethod.Get, $"/api/prompts/{id}/schema", null),
            (HttpMethod.Post, $"/api/prompts/{id}/render", new { variables = new { secret = "x" } }),
            (HttpMethod.Post, $"/api/prompts/{id}/validate", new { variables = new { secret = "x" } }),
            (HttpMethod.Get, $"/api/prompts/{id}/tools", null),
            (HttpMethod.Put, $"/api/prompts/{id}/tools", new { tool_refs = Array.Empty<object>() }),
            (HttpMethod.Delete, $"/api/prompts/{id}/tools?tool_name=echo&connection_id=c", null),
        };
        foreach (var (verb, url, body) in routes)
        {
            var problem = await Support.Api.SendAsync(app.Host, stranger, verb, url, body, 404);
            problem.Str("detail").ShouldBe("prompt not found", $"{verb} {url}");
        }
        await app.PostAsync(stranger, "/api/prompts", new { title = "t", prompt = "p", remixed_id = id }, 404);

        (await app.GetAsync(stranger, "/api/prompts")).GetProperty("total").GetInt64().ShouldBe(0);
        (await app.GetAsync(stranger, "/api/prompts/search?query=confidential")).GetProperty("prompts").GetArrayLength().ShouldBe(0);
        (await app.GetAsync(stranger, "/api/tags")).GetProperty("tags").GetArrayLength().ShouldBe(0);
        await AssertUntouchedAsync(owner, id);
    }

    [Fact]
    public async Task every_prompt_tool_answers_not_found_for_another_users_prompt()
    {
        var (owner, id) = await OwnersPrivatePromptAsync();
        var stranger = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(stranger);

        var calls = new (string Tool, object Arguments)[]
        {
            ("get_prompt", new { id }),
            ("update_prompt", new { id, title = "stolen" }),
            ("delete_prompt", new { id }),
            ("get_prompt_schema", new { id }),
            ("render_prompt", new { id, variables = new { secret = "x" } }),
            ("validate_prompt_inputs", new { id, variables = new { secret = "x" } }),
            ("get_prompt_tools", new { prompt_id = id }),
            ("update_prompt_tools", new { prompt_id = id, tool_refs = Array.Empty<object>() }),
            ("remove_prompt_tool", new { prompt_id = id, tool_name = "echo", connection_id = "c" }),
            ("create_prompt", new { title = "t", prompt = "p", remixed_id = id }),
        };
        foreach (var (tool, arguments) in calls)
            (await mcp.CallErrorAsync(tool, arguments)).ShouldBe("prompt not found", tool);

        (await mcp.CallJsonAsync("list_prompts")).GetProperty("total").GetInt64().ShouldBe(0);
        (await mcp.CallJsonAsync("search_prompts", new { query = "confidential" })).GetProperty("prompts").GetArrayLength().ShouldBe(0);
        (await mcp.CallJsonAsync("list_tags")).GetProperty("tags").GetArrayLength().ShouldBe(0);
        await AssertUntouchedAsync(owner, id);
    }

    private async Task<(TestUser Owner, string Id)> OwnersPrivatePromptAsync()
    {
        var owner = await app.NewUserAsync();
        var prompt = await app.CreatePromptAsync(owner, new { title = "Confidential plan", prompt = "The {{secret}} is confidential", tags = new[] { "private" } });
        var connection = await app.PostAsync(owner, "/api/mcp/connections", new { name = "c", server_url = "https://mcp.example.com/mcp" }, 201);
        await app.PutAsync(owner, $"/api/prompts/{prompt.Id()}/tools", new { tool_refs = new[] { new { connection_id = connection.Id(), tool_name = "echo" } } });
        return (owner, prompt.Id());
    }

    private async Task AssertUntouchedAsync(TestUser owner, string id)
    {
        var prompt = await app.GetAsync(owner, $"/api/prompts/{id}");
        prompt.Str("title").ShouldBe("Confidential plan");
        prompt.GetProperty("tool_refs").GetArrayLength().ShouldBe(1);
    }
}
