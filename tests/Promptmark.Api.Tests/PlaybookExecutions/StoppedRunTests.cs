using Microsoft.Extensions.DependencyInjection;
using Promptmark.Api.Features.PlaybookExecutions;
using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.PlaybookExecutions;

/// <summary>Runs that stop for a person: breakpoints and resume, elicitations and responses, cancel and expiry.</summary>
public sealed class StoppedRunTests(PromptmarkApp app) : IAsyncLifetime
{
    private OpenAiCompatibleServer _model = null!;

    public async ValueTask InitializeAsync() => _model = await OpenAiCompatibleServer.StartAsync();

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    private const string ThreeSteps = """
        # Three

        ## INPUTS

        - `topic` (string): The topic

        ## STEP 1: One

        One on {{topic}}.

        @output(first)

        ## STEP 2: Two

        Two on {{topic}} after {{first}}.

        ## STEP 3: Three

        Three.
        """;

    [Fact]
    public async Task a_run_pauses_after_its_breakpoint_and_resumes_with_overridden_values()
    {
        var user = await UserWithProviderAsync();
        var playbook = await PlaybookRunTests.PlaybookAsync(app, user, ThreeSteps);
        _model.Reply(new ScriptedReply.Text("A", 1, 1)).Reply(new ScriptedReply.Text("B", 1, 1)).Reply(new ScriptedReply.Text("C", 1, 1));

        var paused = await app.PostAsync(user, $"/api/playbooks/{playbook}/executions",
            new { input_values = new { topic = "tides" }, model_id = "local/model-a", breakpoints = "1" }, 201);

        paused.Str("status").ShouldBe("paused");
        paused.Str("paused_after_step").ShouldBe("1");
        paused.GetProperty("expires_at").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        _model.Requests.Count.ShouldBe(1);

        await using var mcp = await app.McpClientAsync(user);
        var done = await mcp.CallJsonAsync("resume_playbook_execution", new { execution_id = paused.Id(), variables = new { topic = "waves", first = "edited" } });

        done.Str("status").ShouldBe("completed");
        PlaybookRunTests.Sent(_model.Requests.ElementAt(1)).Last().Content.ShouldBe("Two on waves after edited.");
        done.GetProperty("steps").GetArrayLength().ShouldBe(3);
        (await app.PostAsync(user, $"/api/playbook-executions/{paused.Id()}/resume", new { }, 409)).Str("detail").ShouldContain("completed");
    }

    [Fact]
    public async Task an_elicitation_waits_for_a_response_that_fits_and_the_response_becomes_the_steps_output()
    {
        var user = await UserWithProviderAsync();
        var playbook = await PlaybookRunTests.PlaybookAsync(app, user, """
            # Ask

            ## STEP 1: Choose

            @elicit(select, "Which approach?", "Careful", "Bold")
            @output(approach)

            ## STEP 2: Plan

            Plan the {{approach}} way.
            """);
        _model.Reply(new ScriptedReply.Text("Planned", 1, 1));

        var waiting = await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { model_id = "local/model-a" }, 201);

        waiting.Str("status").ShouldBe("awaiting_input");
        var asked = waiting.GetProperty("elicitation");
        (asked.Str("step"), asked.Str("type"), asked.Str("prompt")).ShouldBe(("1", "select", "Which approach?"));
        asked.GetProperty("options").EnumerateArray().Select(o => o.GetString()).ShouldBe(["Careful", "Bold"]);
        (await app.PostAsync(user, $"/api/playbook-executions/{waiting.Id()}/respond", new { response = "Reckless" }, 400)).Str("detail").ShouldContain("Careful, Bold");

        var done = await app.PostAsync(user, $"/api/playbook-executions/{waiting.Id()}/respond", new { response = "bold" });

        done.Str("status").ShouldBe("completed");
        done.GetProperty("steps")[0].Str("content").ShouldBe("Bold");
        done.GetProperty("steps")[0].Str("source").ShouldBe("elicitation");
        done.GetProperty("outputs").GetProperty("approach").GetString().ShouldBe("Bold");
        PlaybookRunTests.Sent(_model.Requests.Single()).Last().Content.ShouldBe("Plan the Bold way.");
    }

    [Fact]
    public async Task a_cancelled_run_takes_no_further_step()
    {
        var user = await UserWithProviderAsync();
        var playbook = await PlaybookRunTests.PlaybookAsync(app, user, ThreeSteps);
        _model.Reply(new ScriptedReply.Text("A", 1, 1));
        var paused = await app.PostAsync(user, $"/api/playbooks/{playbook}/executions",
            new { input_values = new { topic = "t" }, model_id = "local/model-a", breakpoints = "1" }, 201);

        var cancelled = await app.PostAsync(user, $"/api/playbook-executions/{paused.Id()}/cancel", new { });

        cancelled.Str("status").ShouldBe("cancelled");
        (await app.PostAsync(user, $"/api/playbook-executions/{paused.Id()}/resume", new { }, 409)).Str("detail").ShouldContain("cancelled");
        (await app.PostAsync(user, $"/api/playbook-executions/{paused.Id()}/cancel", new { }, 409)).Str("detail").ShouldContain("already cancelled");
        _model.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_waiting_run_expires_a_day_later_and_can_no_longer_go_on()
    {
        var user = await UserWithProviderAsync();
        var playbook = await PlaybookRunTests.PlaybookAsync(app, user, "# Ask\n\n## STEP 1: Ask\n\n@elicit(confirm, \"Go?\")\n\n## STEP 2: Go\n\nGo.\n");
        var waiting = await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { model_id = "local/model-a" }, 201);
        var sweep = app.Host.Services.GetRequiredService<RunSweep>();

        await sweep.SweepAsync(DateTimeOffset.UtcNow.AddHours(23), TestContext.Current.CancellationToken);
        (await app.GetAsync(user, $"/api/playbook-executions/{waiting.Id()}")).Str("status").ShouldBe("awaiting_input");
        await sweep.SweepAsync(DateTimeOffset.UtcNow.AddHours(25), TestContext.Current.CancellationToken);

        var expired = await app.GetAsync(user, $"/api/playbook-executions/{waiting.Id()}");
        expired.Str("status").ShouldBe("expired");
        expired.Str("error").ShouldContain("expired");
        (await app.PostAsync(user, $"/api/playbook-executions/{waiting.Id()}/respond", new { response = "yes" }, 409)).Str("detail").ShouldContain("expired");
        _model.Requests.ShouldBeEmpty();
    }

    private async Task<TestUser> UserWithProviderAsync()
    {
        var user = await app.NewUserAsync();
        await app.PutAsync(user, "/api/providers/local", new { base_url = _model.BaseUrl.ToString() });
        return user;
    }
}
