using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Prompts;

public sealed class PromptToolRefTests(PromptmarkApp app)
{
    private async Task<object[]> TwoToolsAsync(TestUser user) => TwoTools(await ConnectionAsync(user));

    private async Task<string> ConnectionAsync(TestUser user) =>
        (await app.PostAsync(user, "/api/mcp/connections", new { name = "everything", server_url = "https://mcp.example.com/mcp" }, 201)).Id();

    private static object[] TwoTools(string connectionId) =>
    [
        new { connection_id = connectionId, tool_name = "echo" },
        new { native_provider = "anthropic", tool_name = "web_search", native_type = "web_search_20250305" },
    ];

    [Fact]
    public async Task an_mcp_tool_must_come_from_one_of_the_callers_connections()
    {
        var owner = await app.NewUserAsync();
        var foreign = await ConnectionAsync(owner);
        var user = await app.NewUserAsync();
        var prompt = await app.CreatePromptAsync(user, new { title = "t", prompt = "p" });
        var url = $"/api/prompts/{prompt.Id()}/tools";

        (await app.PutAsync(user, url, new { tool_refs = TwoTools(foreign) }, 404)).Str("detail").ShouldBe($"connection {foreign} not found");
        (await app.PutAsync(user, url, new { tool_refs = new[] { new { connection_id = "nope", tool_name = "echo" } } }, 404))
            .Str("detail").ShouldBe("connection nope not found");
        (await app.GetAsync(user, url)).GetProperty("count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task tools_are_replaced_as_a_whole_and_read_back_with_a_count()
    {
        var user = await app.NewUserAsync();
        var prompt = await app.CreatePromptAsync(user, new { title = "t", prompt = "p" });
        var url = $"/api/prompts/{prompt.Id()}/tools";
        (await app.GetAsync(user, url)).GetProperty("count").GetInt32().ShouldBe(0);

        var set = await app.PutAsync(user, url, new { tool_refs = await TwoToolsAsync(user) });
        set.GetProperty("count").GetInt32().ShouldBe(2);
        var read = await app.GetAsync(user, url);
        read.GetProperty("tool_refs")[1].Str("native_type").ShouldBe("web_search_20250305");

        (await app.PutAsync(user, url, new { tool_refs = Array.Empty<object>() })).GetProperty("count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task a_single_tool_is_removed_by_name_and_source()
    {
        var user = await app.NewUserAsync();
        var prompt = await app.CreatePromptAsync(user, new { title = "t", prompt = "p" });
        var url = $"/api/prompts/{prompt.Id()}/tools";
        await app.PutAsync(user, url, new { tool_refs = await TwoToolsAsync(user) });
        var left = await app.DeleteAsync(user, url + "?tool_name=web_search&native_provider=anthropic");
        left.GetProperty("count").GetInt32().ShouldBe(1);
        left.GetProperty("tool_refs")[0].Str("tool_name").ShouldBe("echo");
        (await app.DeleteAsync(user, url + "?tool_name=web_search", 404)).Str("detail").ShouldContain("web_search");
    }

    [Theory]
    [InlineData("{\"tool_name\":\"x\"}")]
    [InlineData("{\"native_provider\":\"anthropic\",\"tool_name\":\"x\"}")]
    [InlineData("{\"connection_id\":\"c\",\"native_provider\":\"anthropic\",\"tool_name\":\"x\",\"native_type\":\"t\"}")]
    [InlineData("{\"connection_id\":\"c\"}")]
    public async Task an_incomplete_tool_reference_is_refused(string toolRef)
    {
        var user = await app.NewUserAsync();
        var prompt = await app.CreatePromptAsync(user, new { title = "t", prompt = "p" });
        var body = System.Text.Json.JsonDocument.Parse($"{{\"tool_refs\":[{toolRef}]}}").RootElement;
        var problem = await app.PutAsync(user, $"/api/prompts/{prompt.Id()}/tools", body, 400);
        problem.GetProperty("errors").TryGetProperty("tool_refs[0]", out _).ShouldBeTrue(problem.GetRawText());
    }

    [Fact]
    public async Task more_than_fifty_tools_are_refused()
    {
        var user = await app.NewUserAsync();
        var prompt = await app.CreatePromptAsync(user, new { title = "t", prompt = "p" });
        var many = Enumerable.Range(0, 51).Select(i => new { connection_id = "c", tool_name = $"tool{i}" }).ToArray();
        await app.PutAsync(user, $"/api/prompts/{prompt.Id()}/tools", new { tool_refs = many }, 400);
    }
}
