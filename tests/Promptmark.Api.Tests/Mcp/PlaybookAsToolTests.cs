using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Features.McpPlaybooks;
using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.PlaybookTriggers;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Mcp;

/// <summary>A playbook the user exposes as a tool, seen and called through the real MCP client: by its owner only.</summary>
public sealed class PlaybookAsToolTests(PromptmarkApp app) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OpenAiCompatibleServer _model = null!;

    public async ValueTask InitializeAsync() => _model = await OpenAiCompatibleServer.StartAsync();

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task an_exposed_playbook_is_listed_with_its_inputs_as_the_input_schema()
    {
        var (user, id) = await OwnerWithPlaybookAsync("Research brief!");

        var exposed = await ExposeAsync(user, id);
        (exposed.Str("tool_name"), exposed.Str("tool_mode"), exposed.GetProperty("exposed_as_tool").GetBoolean()).ShouldBe(("research_brief", "sync", true));

        await using var mcp = await app.McpClientAsync(user);
        var tool = (await mcp.ListToolsAsync(cancellationToken: Ct)).Single(t => t.Name == "research_brief").ProtocolTool;
        tool.Title.ShouldBe("Research brief!");
        tool.Meta![PlaybookToolSource.PlaybookIdMeta]!.GetValue<string>().ShouldBe(id);
        var properties = tool.InputSchema.GetProperty("properties");
        (properties.GetProperty("topic").Str("type"), properties.GetProperty("topic").Str("description")).ShouldBe(("string", "What to research"));
        properties.GetProperty("depth").GetProperty("enum").EnumerateArray().Select(o => o.GetString()).ShouldBe(["brief", "deep"]);
        properties.GetProperty("pages").Str("type").ShouldBe("number");
        properties.GetProperty("pages").GetProperty("default").GetDouble().ShouldBe(2);
        tool.InputSchema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["topic", "depth"]);
    }

    [Fact]
    public async Task a_sync_call_runs_the_playbook_and_answers_its_artifact_and_outputs()
    {
        var (user, id) = await OwnerWithPlaybookAsync("Research");
        await ExposeAsync(user, id);
        await using var mcp = await app.McpClientAsync(user);
        _model.Reply(new ScriptedReply.Text("An essay on tides", 10, 4));

        var result = await mcp.CallAsync("research", new { topic = "tides", depth = "brief", pages = 3 });

        result.IsError.ShouldNotBe(true, McpCalls.Text(result));
        McpCalls.Text(result).ShouldBe("An essay on tides");
        var run = result.StructuredContent!.Value;
        run.Str("status").ShouldBe("completed");
        run.GetProperty("outputs").Str("essay").ShouldBe("An essay on tides");
        PlaybookExecutions.PlaybookRunTests.Sent(_model.Requests.Single()).Last().Content.ShouldBe("Write 3 pages, brief, about tides.");
    }

    [Fact]
    public async Task an_inbound_call_answers_the_execution_id_at_once_and_get_playbook_execution_follows_it()
    {
        var (user, id) = await OwnerWithPlaybookAsync("Research");
        (await app.PatchAsync(user, $"/api/playbooks/{id}/tool", new { expose_as_tool = true, tool_mode = "inbound" })).Str("tool_mode").ShouldBe("inbound");
        await using var mcp = await app.McpClientAsync(user);
        var release = new TaskCompletionSource();
        _model.Reply(new ScriptedReply.Held(release.Task, new ScriptedReply.Text("Later", 1, 1)));

        var result = await mcp.CallAsync("research", new { topic = "tides", depth = "deep" });

        result.IsError.ShouldNotBe(true, McpCalls.Text(result));
        var executionId = result.StructuredContent!.Value.Str("id");
        result.StructuredContent!.Value.Str("status").ShouldBe("running");
        McpCalls.Text(result).ShouldContain("get_playbook_execution");
        release.SetResult();
        var done = await UntilOverAsync(mcp, executionId);
        (done.Str("status"), done.GetProperty("outputs").Str("essay")).ShouldBe(("completed", "Later"));
    }

    [Fact]
    public async Task arguments_that_do_not_fit_the_inputs_are_an_error_result_naming_each_and_start_no_run()
    {
        var (user, id) = await OwnerWithPlaybookAsync("Research");
        await ExposeAsync(user, id);
        await using var mcp = await app.McpClientAsync(user);

        var error = await mcp.CallErrorAsync("research", new { depth = "medium", pages = "many" });

        error.ShouldStartWith("Invalid input: ");
        error.ShouldContain("topic: is required");
        error.ShouldContain("depth: must be one of: brief, deep");
        error.ShouldContain("pages: must be a number");
        (await app.GetAsync(user, $"/api/playbooks/{id}/executions")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task a_name_a_prompt_tool_or_a_built_in_tool_has_gets_a_suffix()
    {
        var (user, id) = await OwnerWithPlaybookAsync("Research");
        var prompt = (await app.CreatePromptAsync(user, new { title = "Research", prompt = "Hi" })).Id();
        await app.PatchAsync(user, $"/api/prompts/{prompt}", new { expose_as_tool = true });
        var builtIn = (await app.PostAsync(user, "/api/playbooks", new { title = "List playbooks", content = TriggerUrlTests.Research }, 201)).Id();

        (await ExposeAsync(user, id)).Str("tool_name").ShouldBe("research_2");
        (await ExposeAsync(user, builtIn)).Str("tool_name").ShouldBe("list_playbooks_2");

        await using var mcp = await app.McpClientAsync(user);
        var names = (await mcp.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();
        names.Count(n => n == "research").ShouldBe(1);
        names.ShouldContain("research_2");
        names.Count(n => n == "list_playbooks").ShouldBe(1);
    }

    [Fact]
    public async Task a_stranger_neither_sees_nor_calls_another_users_playbook_tool()
    {
        var (owner, id) = await OwnerWithPlaybookAsync("Secret plan");
        await ExposeAsync(owner, id);
        var stranger = await app.NewUserAsync();
        await using var theirs = await app.McpClientAsync(stranger);

        (await theirs.ListToolsAsync(cancellationToken: Ct)).ShouldNotContain(t => t.Name == "secret_plan");
        var unknown = await Should.ThrowAsync<McpProtocolException>(() => theirs.CallAsync("secret_plan", new { topic = "x", depth = "brief" }));
        unknown.Message.ShouldContain("Unknown tool: 'secret_plan'");
        await app.PatchAsync(stranger, $"/api/playbooks/{id}/tool", new { expose_as_tool = false }, 404);
    }

    [Fact]
    public async Task a_key_without_the_execute_scope_cannot_call_it()
    {
        var (owner, id) = await OwnerWithPlaybookAsync("Research");
        await ExposeAsync(owner, id);
        var key = (await app.PostAsync(owner, "/api/keys", new { name = "reader", scopes = new[] { "read" } }, 201)).Str("key");
        await using var mcp = await app.McpClientAsync(owner with { Token = key });

        (await mcp.CallErrorAsync("research", new { topic = "x", depth = "brief" })).ShouldContain("lacks the 'execute' scope");
        _model.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task exposing_and_withdrawing_are_announced_as_tools_list_changed()
    {
        var (user, id) = await OwnerWithPlaybookAsync("Announce");
        await using var mcp = await app.McpClientAsync(user);
        var heard = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        mcp.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) => { heard.Writer.TryWrite(true); return ValueTask.CompletedTask; });

        await ExposeAsync(user, id);
        await heard.Reader.ReadAsync(Ct).AsTask().Bounded();
        (await mcp.ListToolsAsync(cancellationToken: Ct)).ShouldContain(t => t.Name == "announce");

        await app.PatchAsync(user, $"/api/playbooks/{id}/tool", new { expose_as_tool = false });
        await heard.Reader.ReadAsync(Ct).AsTask().Bounded();
        (await mcp.ListToolsAsync(cancellationToken: Ct)).ShouldNotContain(t => t.Name == "announce");
    }

    private async Task<(TestUser User, string Playbook)> OwnerWithPlaybookAsync(string title)
    {
        var user = await app.NewUserAsync();
        await app.PutAsync(user, "/api/providers/local", new { base_url = _model.BaseUrl.ToString() });
        var id = (await app.PostAsync(user, "/api/playbooks", new { title, content = TriggerUrlTests.Research, default_model_id = "local/model-a" }, 201)).Id();
        return (user, id);
    }

    private Task<JsonElement> ExposeAsync(TestUser user, string id) => app.PatchAsync(user, $"/api/playbooks/{id}/tool", new { expose_as_tool = true });

    private static async Task<JsonElement> UntilOverAsync(ModelContextProtocol.Client.McpClient mcp, string executionId)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bound.CancelAfter(Waits.Bound);
        while (true)
        {
            var run = await mcp.CallJsonAsync("get_playbook_execution", new { execution_id = executionId });
            if (run.Str("status") != "running") return run;
            await Task.Delay(50, bound.Token);
        }
    }
}
