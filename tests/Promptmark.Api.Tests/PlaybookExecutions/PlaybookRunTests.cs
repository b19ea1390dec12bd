using System.Text.Json;
using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.PlaybookExecutions;

/// <summary>Runs against a fake OpenAI-compatible server, scripted per step, configured as the user's provider "local".</summary>
public sealed class PlaybookRunTests(PromptmarkApp app) : IAsyncLifetime
{
    private OpenAiCompatibleServer _model = null!;

    public async ValueTask InitializeAsync() => _model = await OpenAiCompatibleServer.StartAsync();

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    private const string TwoSteps = """
        # Research

        ## SYSTEM

        You are thorough.

        ## INPUTS

        - `topic` (string): What to research

        ## STEP 1: Outline

        Outline {{topic}}.

        @output(outline)

        ## STEP 2: Write

        Write about {{topic}} from {{outline}}.

        ## ARTIFACTS

        type: markdown
        """;

    [Fact]
    public async Task each_step_gets_the_earlier_outputs_and_the_run_records_its_cost_tokens_and_artifact()
    {
        var user = await UserWithProviderAsync();
        var playbook = await PlaybookAsync(user, TwoSteps);
        _model.Reply(new ScriptedReply.Text("Tides outline", 10, 2)).Reply(new ScriptedReply.Text("# Tides essay", 30, 5));

        var run = await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { input_values = new { topic = "tides" }, model_id = "local/model-a" }, 201);

        run.Str("status").ShouldBe("completed");
        var steps = run.GetProperty("steps");
        steps.EnumerateArray().Select(s => (s.Str("label"), s.Str("status"), s.Str("content"))).ShouldBe([("1", "completed", "Tides outline"), ("2", "completed", "# Tides essay")]);
        (steps[1].Str("model_id"), steps[1].GetProperty("input_tokens").GetInt64(), steps[1].GetProperty("output_tokens").GetInt64()).ShouldBe(("local/model-a", 30, 5));
        var totals = run.GetProperty("totals");
        (totals.GetProperty("input_tokens").GetInt64(), totals.GetProperty("output_tokens").GetInt64()).ShouldBe((40, 7));
        run.GetProperty("outputs").GetProperty("outline").GetString().ShouldBe("Tides outline");
        (run.GetProperty("artifact").Str("type"), run.GetProperty("artifact").Str("content")).ShouldBe(("markdown", "# Tides essay"));

        var second = Sent(_model.Requests.Last());
        second[0].ShouldBe(("system", "You are thorough.\n\n## Outputs of the earlier steps of this playbook\n\n### Step 1: Outline\nTides outline\n\n\n## Named outputs\n\n### outline\nTides outline"));
        second[1].ShouldBe(("user", "Write about tides from Tides outline."));

        var listed = await app.GetAsync(user, $"/api/playbooks/{playbook}/executions");
        listed.GetProperty("executions").EnumerateArray().Select(e => e.Id()).ShouldBe([run.Id()]);
        (await app.GetAsync(user, $"/api/playbook-executions/{run.Id()}")).Str("status").ShouldBe("completed");
    }

    [Fact]
    public async Task execute_over_mcp_uses_the_playbooks_default_model_and_a_failed_call_fails_the_run_with_its_reason()
    {
        var user = await UserWithProviderAsync();
        var playbook = await PlaybookAsync(user, TwoSteps, defaultModel: "local/model-b");
        _model.Reply(new ScriptedReply.Text("Outline", 1, 1)).Reply(new ScriptedReply.Failure(400, "The model `model-b` is busy"));
        await using var mcp = await app.McpClientAsync(user);

        var run = await mcp.CallJsonAsync("execute_playbook", new { playbook_id = playbook, input_values = new { topic = "tides" } });

        run.Str("status").ShouldBe("failed");
        run.Str("error").ShouldBe("Step 2 failed: local answered 400: The model `model-b` is busy");
        run.GetProperty("steps").EnumerateArray().Select(s => s.Str("status")).ShouldBe(["completed", "failed"]);
        _model.Requests.First().Body.GetProperty("model").GetString().ShouldBe("model-b");
    }

    [Fact]
    public async Task a_missing_required_input_or_model_is_refused_before_any_run()
    {
        var user = await UserWithProviderAsync();
        var playbook = await PlaybookAsync(user, TwoSteps);

        (await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { model_id = "local/model-a" }, 400)).Str("detail").ShouldContain("topic is required");
        (await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { input_values = new { topic = "t" } }, 422)).Str("detail").ShouldStartWith("No model to run with");
        (await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { input_values = new { topic = "t" }, model_id = "local/m", breakpoints = "2,x" }, 400))
            .Str("detail").ShouldContain("breakpoints");
        (await app.GetAsync(user, $"/api/playbooks/{playbook}/executions")).GetProperty("total").GetInt64().ShouldBe(0);
        _model.Requests.ShouldBeEmpty();
    }

    private async Task<TestUser> UserWithProviderAsync()
    {
        var user = await app.NewUserAsync();
        await app.PutAsync(user, "/api/providers/local", new { base_url = _model.BaseUrl.ToString() });
        return user;
    }

    internal static async Task<string> PlaybookAsync(PromptmarkApp app, TestUser user, string content, string? defaultModel = null) =>
        (await app.PostAsync(user, "/api/playbooks", new { title = "Playbook", content, default_model_id = defaultModel }, 201)).Id();

    private Task<string> PlaybookAsync(TestUser user, string content, string? defaultModel = null) => PlaybookAsync(app, user, content, defaultModel);

    internal static List<(string Role, string Content)> Sent(ReceivedRequest request) =>
        request.Body.GetProperty("messages").EnumerateArray().Select(m => (m.Str("role"), ReceivedRequest.TextOf(m.GetProperty("content")))).ToList();
}
