using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.PlaybookExecutions;

/// <summary>POST /api/playbook-executions/{id}/retry, an extension beyond the spec: a failed run goes on from its failed step.</summary>
public sealed class RetryRunTests(PromptmarkApp app) : IAsyncLifetime
{
    private OpenAiCompatibleServer _model = null!;

    public async ValueTask InitializeAsync() => _model = await OpenAiCompatibleServer.StartAsync();

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task a_retry_calls_the_model_again_for_the_failed_step_only_and_goes_on()
    {
        var user = await app.NewUserAsync();
        await app.PutAsync(user, "/api/providers/local", new { base_url = _model.BaseUrl.ToString() });
        var playbook = await PlaybookRunTests.PlaybookAsync(app, user, "# Three\n\n## STEP 1: One\n\nOne.\n\n## STEP 2: Two\n\nTwo.\n\n## STEP 3: Three\n\nThree.\n");
        _model.Reply(new ScriptedReply.Text("A", 1, 1)).Reply(new ScriptedReply.Failure(400, "The model is busy"));
        var failed = await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { model_id = "local/model-a" }, 201);
        failed.Str("status").ShouldBe("failed");
        _model.Reply(new ScriptedReply.Text("B", 1, 1)).Reply(new ScriptedReply.Text("C", 1, 1));

        var retried = await app.PostAsync(user, $"/api/playbook-executions/{failed.Id()}/retry", new { });

        retried.Str("status").ShouldBe("completed");
        retried.GetProperty("error").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        retried.GetProperty("steps").EnumerateArray().Select(s => (s.Str("label"), s.Str("status"), s.Str("content")))
            .ShouldBe([("1", "completed", "A"), ("2", "completed", "B"), ("3", "completed", "C")]);
        _model.Requests.Select(r => PlaybookRunTests.Sent(r).Last().Content).ShouldBe(["One.", "Two.", "Two.", "Three."]);
        (await app.PostAsync(user, $"/api/playbook-executions/{failed.Id()}/retry", new { }, 409)).Str("detail").ShouldContain("only a failed execution");
    }
}
