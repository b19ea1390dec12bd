using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.PlaybookExecutions;

/// <summary>Branches, typed outputs, library prompts and @tool steps (on server-everything), through the whole app.</summary>
public sealed class StepDirectiveTests(PromptmarkApp app, EverythingFixture everything) : IClassFixture<EverythingFixture>, IAsyncLifetime
{
    private OpenAiCompatibleServer _model = null!;

    public async ValueTask InitializeAsync() => _model = await OpenAiCompatibleServer.StartAsync();

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task the_branch_whose_condition_holds_runs_and_the_others_do_not()
    {
        var user = await UserWithProviderAsync();
        var playbook = await PlaybookRunTests.PlaybookAsync(app, user, """
            # Triage

            ## STEP 1: Classify

            Classify it.

            @output(kind: enum, "bug", "feature")

            ## STEP 2: Route

            ```if kind == "bug"```

            ### STEP 2a: Fix

            Fix the {{kind}}.

            ```else```

            ### STEP 2b: Spec

            Spec it.

            ```endif```

            ## STEP 3: Nothing matches

            ```if kind == "question"```

            ### STEP 3a: Answer

            Answer.

            ```endif```
            """);
        _model.Reply(new ScriptedReply.Text("It is a Bug.", 1, 1)).Reply(new ScriptedReply.Text("Fixed", 1, 1));

        var run = await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { model_id = "local/model-a" }, 201);

        run.Str("status").ShouldBe("completed");
        run.GetProperty("outputs").GetProperty("kind").GetString().ShouldBe("bug");
        run.GetProperty("steps").EnumerateArray().Select(s => (s.Str("label"), s.Str("status"))).ShouldBe([("1", "completed"), ("2a", "completed"), ("3", "skipped")]);
        PlaybookRunTests.Sent(_model.Requests.Last()).Last().Content.ShouldBe("Fix the bug.");
    }

    [Fact]
    public async Task outputs_are_extracted_from_the_last_json_object_and_typed()
    {
        var user = await UserWithProviderAsync();
        var playbook = await PlaybookRunTests.PlaybookAsync(app, user, """
            # Assess

            ## STEP 1: Severity

            Assess.

            @output(severity, extract:"level")

            ## STEP 2: Count

            Count.

            @output(count: number)

            ## STEP 3: Data

            Data.

            @output(data: json)
            """);
        _model.Reply(new ScriptedReply.Text("Thinking {\"level\":\"low\"} then {\"level\": \"critical\", \"why\": {\"a\": 1}} done", 1, 1))
            .Reply(new ScriptedReply.Text("There are 42 items.", 1, 1))
            .Reply(new ScriptedReply.Text("```json\n{\"a\": [1, 2]}\n```", 1, 1));

        var run = await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { model_id = "local/model-a" }, 201);

        var outputs = run.GetProperty("outputs");
        outputs.GetProperty("severity").GetString().ShouldBe("critical");
        outputs.GetProperty("count").GetDecimal().ShouldBe(42);
        outputs.GetProperty("data").GetProperty("a").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task a_library_prompt_leads_the_step_and_a_missing_one_is_a_warning()
    {
        var user = await UserWithProviderAsync();
        var prompt = (await app.CreatePromptAsync(user, new { title = "Criteria", prompt = "Check {{topic}} for OWASP issues." })).Id();
        var playbook = await PlaybookRunTests.PlaybookAsync(app, user, $"""
            # Review

            ## INPUTS

            - `topic` (string): The topic

            ## STEP 1: Review

            @prompt(library:{prompt})

            Apply it.

            ## STEP 2: Again

            @prompt(library:00000000-0000-0000-0000-000000000000)

            Again.
            """);
        _model.Reply(new ScriptedReply.Text("Reviewed", 1, 1)).Reply(new ScriptedReply.Text("Again", 1, 1));

        var run = await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { model_id = "local/model-a", input_values = new { topic = "auth" } }, 201);

        run.Str("status").ShouldBe("completed");
        PlaybookRunTests.Sent(_model.Requests.First()).Last().Content.ShouldBe("Check auth for OWASP issues.\n\nApply it.");
        PlaybookRunTests.Sent(_model.Requests.Last()).Last().Content.ShouldBe("Again.");
        run.GetProperty("steps")[1].GetProperty("warnings")[0].GetString()!.ShouldContain("prompt not found");
    }

    [Fact]
    public async Task a_remote_prompt_leads_the_step_and_one_the_server_lacks_is_a_warning()
    {
        var user = await UserWithProviderAsync();
        await app.ConnectAsync(user, everything.Server.Endpoint);
        var playbook = await PlaybookRunTests.PlaybookAsync(app, user, """
            # Remote

            ## STEP 1: Ask

            @prompt(mcp:everything/simple-prompt)

            Answer it.

            ## STEP 2: Again

            @prompt(mcp:everything/no-such-prompt)

            Again.
            """);
        _model.Reply(new ScriptedReply.Text("Asked", 1, 1)).Reply(new ScriptedReply.Text("Again", 1, 1));

        var run = await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { model_id = "local/model-a" }, 201);

        run.Str("status").ShouldBe("completed");
        PlaybookRunTests.Sent(_model.Requests.First()).Last().Content.ShouldBe("This is a simple prompt without arguments.\n\nAnswer it.");
        PlaybookRunTests.Sent(_model.Requests.Last()).Last().Content.ShouldBe("Again.");
        run.GetProperty("steps")[1].GetProperty("warnings")[0].GetString()!.ShouldContain("no-such-prompt");
    }

    [Fact]
    public async Task a_tool_step_runs_on_the_named_connection_without_a_model_call_and_is_audited()
    {
        var user = await UserWithProviderAsync();
        await app.ConnectAsync(user, everything.Server.Endpoint);
        var playbook = await PlaybookRunTests.PlaybookAsync(app, user, """
            # Fetch

            ## INPUTS

            - `topic` (string): The topic

            ## STEP 1: Echo

            @tool(everything, echo, {"message": "{{topic}} \"quoted\""})
            @output(echoed)

            ## STEP 2: Use

            Use {{echoed}}.
            """);
        _model.Reply(new ScriptedReply.Text("Used", 1, 1));

        var run = await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { model_id = "local/model-a", input_values = new { topic = "tides" } }, 201);

        run.Str("status").ShouldBe("completed");
        var tool = run.GetProperty("steps")[0];
        (tool.Str("source"), tool.Str("content")).ShouldBe(("tool", "Echo: tides \"quoted\""));
        PlaybookRunTests.Sent(_model.Requests.Single()).Last().Content.ShouldBe("Use Echo: tides \"quoted\".");
        var audit = (await app.ExecutionsAsync(user))[0];
        (audit.Id(), audit.Str("via")).ShouldBe((tool.Str("tool_execution_id"), "playbook"));
    }

    [Fact]
    public async Task a_tool_step_naming_no_connection_fails_the_run_saying_so()
    {
        var user = await UserWithProviderAsync();
        var playbook = await PlaybookRunTests.PlaybookAsync(app, user, "# T\n\n## STEP 1: Call\n\n@tool(nowhere, echo)\n");

        var run = await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { model_id = "local/model-a" }, 201);

        (run.Str("status"), run.Str("error")).ShouldBe(("failed", "Step 1 failed: no connection named \"nowhere\""));
    }

    private async Task<TestUser> UserWithProviderAsync()
    {
        var user = await app.NewUserAsync();
        await app.PutAsync(user, "/api/providers/local", new { base_url = _model.BaseUrl.ToString() });
        return user;
    }
}
