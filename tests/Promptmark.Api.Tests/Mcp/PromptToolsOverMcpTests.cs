using System.Text.Json;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Mcp;

/// <summary>Every Prompts tool called through the real C# MCP client over Streamable HTTP.</summary>
public sealed class PromptToolsOverMcpTests(PromptmarkApp app)
{
    [Fact]
    public async Task a_prompt_is_created_read_listed_searched_updated_and_deleted_over_mcp()
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);

        var created = await mcp.CallJsonAsync("create_prompt", new { title = "Greeter", prompt = "Greet {{name}} warmly", tags = "[\"social\"]", self_rating = 5 });
        var id = created.Id();
        created.GetProperty("tags")[0].GetString().ShouldBe("social");

        (await mcp.CallJsonAsync("get_prompt", new { id })).Str("title").ShouldBe("Greeter");
        (await mcp.CallJsonAsync("list_prompts", new { tag = "social", is_template = true })).GetProperty("total").GetInt64().ShouldBe(1);
        (await mcp.CallJsonAsync("search_prompts", new { query = "greet", tags = new[] { "social" } })).GetProperty("prompts").GetArrayLength().ShouldBe(1);
        (await mcp.CallJsonAsync("list_tags", new { include_counts = true })).GetProperty("tags")[0].GetProperty("count").GetInt32().ShouldBe(1);

        var updated = await mcp.CallJsonAsync("update_prompt", new { id, prompt = "Greet {{name}} kindly", tags = new[] { "social", "kind" } });
        updated.GetProperty("version").GetInt32().ShouldBe(2);
        updated.GetProperty("tags").GetArrayLength().ShouldBe(2);

        (await mcp.CallJsonAsync("delete_prompt", new { id })).GetProperty("success").GetBoolean().ShouldBeTrue();
        (await mcp.CallErrorAsync("get_prompt", new { id })).ShouldBe("prompt not found");
    }

    [Fact]
    public async Task templates_are_described_validated_and_rendered_over_mcp()
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);
        var id = (await mcp.CallJsonAsync("create_prompt", new { title = "Count", prompt = "Count to {{n:number}} in {{lang:enum:en,fr:en}}" })).Id();

        var schema = await mcp.CallJsonAsync("get_prompt_schema", new { id });
        schema.GetProperty("variables").EnumerateArray().Select(v => v.Str("type")).ShouldBe(["number", "enum"]);

        var check = await mcp.CallJsonAsync("validate_prompt_inputs", new { id, variables = new { n = "lots" } });
        check.GetProperty("valid").GetBoolean().ShouldBeFalse();
        check.GetProperty("errors")[0].Str("variable").ShouldBe("n");

        (await mcp.CallJsonAsync("render_prompt", new { id, variables = new { n = 3, lang = "fr" } })).Str("rendered").ShouldBe("Count to 3 in fr");
        (await mcp.CallErrorAsync("render_prompt", new { id, variables = new { } })).ShouldContain("\"n\"");
    }

    [Fact]
    public async Task attached_tools_are_managed_over_mcp()
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);
        var promptId = (await mcp.CallJsonAsync("create_prompt", new { title = "Agent", prompt = "Use tools" })).Id();
        var connectionId = (await mcp.CallJsonAsync("create_mcp_connection", new { name = "tools", server_url = "https://mcp.example.com/mcp" })).Id();

        var set = await mcp.CallJsonAsync("update_prompt_tools", new
        {
            prompt_id = promptId,
            tool_refs = new object[] { new { connection_id = connectionId, tool_name = "echo" }, new { native_provider = "openai", tool_name = "web_search", native_type = "web_search_preview" } },
        });
        set.GetProperty("count").GetInt32().ShouldBe(2);
        (await mcp.CallJsonAsync("get_prompt_tools", new { prompt_id = promptId })).GetProperty("count").GetInt32().ShouldBe(2);
        var left = await mcp.CallJsonAsync("remove_prompt_tool", new { prompt_id = promptId, connection_id = connectionId, tool_name = "echo" });
        left.GetProperty("count").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task bad_arguments_come_back_as_an_error_result_naming_the_field()
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);
        (await mcp.CallErrorAsync("create_prompt", new { prompt = "no title" })).ShouldBe("Invalid input: title: is required");
        (await mcp.CallErrorAsync("create_prompt", new { title = "t", prompt = "p", is_public = "sometimes" })).ShouldContain("is_public: must be a boolean");
        (await mcp.CallErrorAsync("list_prompts", new { limit = 500 })).ShouldContain("limit: must be between 1 and 100");
        (await mcp.CallErrorAsync("create_prompt", new { title = "t", prompt = "p", tags = "[not json" })).ShouldContain("tags:");
    }

    [Fact]
    public async Task the_server_introduces_itself_as_promptmark()
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);
        mcp.ServerInfo!.Name.ShouldBe("promptmark");
    }
}
