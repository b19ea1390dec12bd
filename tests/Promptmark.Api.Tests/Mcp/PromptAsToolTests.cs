using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Features.McpPrompts;
using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Mcp;

/// <summary>A prompt the user exposes as a tool, seen and called through the real MCP client: by its owner only.</summary>
public sealed class PromptAsToolTests(PromptmarkApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Summarizer = "Summarize {{text:text}} in {{count:number:3}} {{unit:enum:words,sentences:sentences}}{{formal:boolean:false}}";

    [Fact]
    public async Task an_exposed_template_is_listed_with_its_typed_variables_as_the_input_schema()
    {
        var user = await app.NewUserAsync();
        var id = (await app.CreatePromptAsync(user, new { title = "Summarize article!", prompt = Summarizer })).Id();

        var exposed = await ExposeAsync(user, id);
        exposed.Str("tool_name").ShouldBe("summarize_article");
        exposed.GetProperty("exposed_as_tool").GetBoolean().ShouldBeTrue();

        await using var mcp = await app.McpClientAsync(user);
        var tool = (await mcp.ListToolsAsync(cancellationToken: Ct)).Single(t => t.Name == "summarize_article").ProtocolTool;
        tool.Title.ShouldBe("Summarize article!");
        tool.Meta![PromptToolList.PromptIdMeta]!.GetValue<string>().ShouldBe(id);
        var properties = tool.InputSchema.GetProperty("properties");
        properties.GetProperty("text").Str("type").ShouldBe("string");
        properties.GetProperty("count").Str("type").ShouldBe("number");
        properties.GetProperty("count").GetProperty("default").GetDouble().ShouldBe(3);
        properties.GetProperty("unit").GetProperty("enum").EnumerateArray().Select(o => o.GetString()).ShouldBe(["words", "sentences"]);
        properties.GetProperty("unit").Str("default").ShouldBe("sentences");
        properties.GetProperty("formal").Str("type").ShouldBe("boolean");
        properties.GetProperty("formal").GetProperty("default").GetBoolean().ShouldBeFalse();
        tool.InputSchema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["text"]);
    }

    [Fact]
    public async Task without_a_provider_for_its_models_a_call_answers_the_rendered_text()
    {
        var user = await app.NewUserAsync();
        var id = (await app.CreatePromptAsync(user, new { title = "Summarize", prompt = Summarizer, models = new[] { "nowhere/model" } })).Id();
        await ExposeAsync(user, id);
        await using var mcp = await app.McpClientAsync(user);

        var result = await mcp.CallAsync("summarize", new { text = "the tides", count = 2, unit = "words" });

        result.IsError.ShouldNotBe(true, McpCalls.Text(result));
        McpCalls.Text(result).ShouldBe("Summarize the tides in 2 wordsfalse");
        result.StructuredContent!.Value.Str("rendered").ShouldBe("Summarize the tides in 2 wordsfalse");
        result.StructuredContent!.Value.GetProperty("model").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task with_a_provider_a_call_sends_the_rendered_prompt_to_the_first_configured_model_and_records_its_cost()
    {
        var server = await OpenAiCompatibleServer.StartAsync();
        await using var _ = server;
        var user = await app.NewUserAsync();
        await app.PutAsync(user, "/api/providers/local", new { base_url = server.BaseUrl.ToString() });
        var id = (await app.CreatePromptAsync(user, new { title = "Summarize", prompt = Summarizer, models = new[] { "missing/model", "local/model-a" } })).Id();
        await ExposeAsync(user, id);
        await using var mcp = await app.McpClientAsync(user);
        server.Reply(new ScriptedReply.Text("Tides rise.", 12, 3));

        var result = await mcp.CallAsync("summarize", new { text = "the tides" });

        result.IsError.ShouldNotBe(true, McpCalls.Text(result));
        McpCalls.Text(result).ShouldBe("Tides rise.");
        result.StructuredContent!.Value.Str("model").ShouldBe("local/model-a");
        var sent = server.Requests.Single().Body;
        sent.Str("model").ShouldBe("model-a");
        ReceivedRequest.TextOf(sent.GetProperty("messages")[0].GetProperty("content")).ShouldBe("Summarize the tides in 3 sentencesfalse");
        var providers = await app.GetAsync(user, "/api/providers");
        providers.GetProperty("providers")[0].GetProperty("spent_this_month_usd").ValueKind.ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public async Task arguments_that_do_not_fit_the_template_are_an_error_result_naming_the_variable()
    {
        var user = await app.NewUserAsync();
        var id = (await app.CreatePromptAsync(user, new { title = "Summarize", prompt = Summarizer })).Id();
        await ExposeAsync(user, id);
        await using var mcp = await app.McpClientAsync(user);

        var error = await mcp.CallErrorAsync("summarize", new { count = "many" });

        error.ShouldStartWith("The arguments do not fit the prompt");
        error.ShouldContain("\"text\"");
        error.ShouldContain("\"count\"");
    }

    [Fact]
    public async Task a_rename_keeps_the_tool_name_until_the_user_derives_it_again()
    {
        var user = await app.NewUserAsync();
        var id = (await app.CreatePromptAsync(user, new { title = "Draft reply", prompt = "Reply to {{mail}}" })).Id();
        await ExposeAsync(user, id);

        (await app.PatchAsync(user, $"/api/prompts/{id}", new { title = "Polite reply" })).Str("tool_name").ShouldBe("draft_reply");
        var withdrawn = await app.PatchAsync(user, $"/api/prompts/{id}", new { expose_as_tool = false });
        withdrawn.GetProperty("exposed_as_tool").GetBoolean().ShouldBeFalse();
        (await ExposeAsync(user, id)).Str("tool_name").ShouldBe("draft_reply");

        (await app.PatchAsync(user, $"/api/prompts/{id}", new { rederive_tool_name = true })).Str("tool_name").ShouldBe("polite_reply");
    }

    [Fact]
    public async Task a_name_taken_by_a_built_in_tool_or_another_prompt_gets_a_suffix()
    {
        var user = await app.NewUserAsync();
        var builtIn = (await app.CreatePromptAsync(user, new { title = "List prompts", prompt = "Hi" })).Id();
        var first = (await app.CreatePromptAsync(user, new { title = "Echo", prompt = "Hi" })).Id();
        var second = (await app.CreatePromptAsync(user, new { title = "echo", prompt = "Hi" })).Id();

        (await ExposeAsync(user, builtIn)).Str("tool_name").ShouldBe("list_prompts_2");
        (await ExposeAsync(user, first)).Str("tool_name").ShouldBe("echo");
        (await ExposeAsync(user, second)).Str("tool_name").ShouldBe("echo_2");

        await using var mcp = await app.McpClientAsync(user);
        var names = (await mcp.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();
        names.Count(n => n == "list_prompts").ShouldBe(1);
        names.ShouldContain("list_prompts_2");
    }

    [Fact]
    public async Task a_user_exposes_at_most_fifty_prompts_and_is_told_why_the_next_is_refused()
    {
        var user = await app.NewUserAsync();
        for (var i = 0; i < 50; i++)
            await ExposeAsync(user, (await app.CreatePromptAsync(user, new { title = $"Tool {i}", prompt = "Hi" })).Id());
        var extra = (await app.CreatePromptAsync(user, new { title = "One too many", prompt = "Hi" })).Id();

        var refused = await app.PatchAsync(user, $"/api/prompts/{extra}", new { expose_as_tool = true }, 409);

        refused.Str("detail").ShouldStartWith("At most 50 prompts can be exposed as tools, and 50 are");
        (await app.GetAsync(user, $"/api/prompts/{extra}")).GetProperty("exposed_as_tool").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task a_stranger_neither_sees_nor_calls_another_users_prompt_tool()
    {
        var owner = await app.NewUserAsync();
        var stranger = await app.NewUserAsync();
        await ExposeAsync(owner, (await app.CreatePromptAsync(owner, new { title = "Secret recipe", prompt = "Bake {{cake}}", is_public = true })).Id());
        await using var theirs = await app.McpClientAsync(stranger);

        (await theirs.ListToolsAsync(cancellationToken: Ct)).ShouldNotContain(t => t.Name == "secret_recipe");
        var unknown = await Should.ThrowAsync<McpProtocolException>(() => theirs.CallAsync("secret_recipe", new { cake = "pie" }));
        unknown.Message.ShouldContain("Unknown tool: 'secret_recipe'");
    }

    [Fact]
    public async Task a_key_without_the_execute_scope_sees_the_tool_but_cannot_call_it()
    {
        var owner = await app.NewUserAsync();
        await ExposeAsync(owner, (await app.CreatePromptAsync(owner, new { title = "Greet", prompt = "Hello {{name}}" })).Id());
        var key = (await app.PostAsync(owner, "/api/keys", new { name = "reader", scopes = new[] { "read" } }, 201)).Str("key");
        await using var mcp = await app.McpClientAsync(owner with { Token = key });

        (await mcp.CallErrorAsync("greet", new { name = "Ada" })).ShouldContain("lacks the 'execute' scope");
    }

    [Fact]
    public async Task exposing_withdrawing_and_deleting_are_announced_as_tools_list_changed_to_the_owner()
    {
        var user = await app.NewUserAsync();
        var id = (await app.CreatePromptAsync(user, new { title = "Announce", prompt = "Hi" })).Id();
        await using var mcp = await app.McpClientAsync(user);
        mcp.ServerCapabilities.Tools?.ListChanged.ShouldBe(true);
        var heard = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        mcp.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) => { heard.Writer.TryWrite(true); return ValueTask.CompletedTask; });

        await ExposeAsync(user, id);
        await heard.Reader.ReadAsync(Ct).AsTask().Bounded();
        (await mcp.ListToolsAsync(cancellationToken: Ct)).ShouldContain(t => t.Name == "announce");

        await app.PatchAsync(user, $"/api/prompts/{id}", new { expose_as_tool = false });
        await heard.Reader.ReadAsync(Ct).AsTask().Bounded();
        (await mcp.ListToolsAsync(cancellationToken: Ct)).ShouldNotContain(t => t.Name == "announce");

        await ExposeAsync(user, id);
        await heard.Reader.ReadAsync(Ct).AsTask().Bounded();
        await app.DeleteAsync(user, $"/api/prompts/{id}");
        await heard.Reader.ReadAsync(Ct).AsTask().Bounded();
        (await mcp.ListToolsAsync(cancellationToken: Ct)).ShouldNotContain(t => t.Name == "announce");
    }

    private Task<JsonElement> ExposeAsync(TestUser user, string id) => app.PatchAsync(user, $"/api/prompts/{id}", new { expose_as_tool = true });
}
