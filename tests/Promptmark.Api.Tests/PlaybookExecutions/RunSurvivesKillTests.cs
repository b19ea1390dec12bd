using System.Net.Http.Json;
using System.Text.Json;
using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.PlaybookExecutions;

/// <summary>
/// A run whose server is SIGKILLed in the middle of a step: after a restart on the same data the run goes on from its
/// last completed step (the step under way is asked again, the completed one is not), and completes.
/// </summary>
public sealed class RunSurvivesKillTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("promptmark-kill-").FullName;
    private OpenAiCompatibleServer _model = null!;

    public async ValueTask InitializeAsync()
    {
        // The cluster may run as the postgres user, which must pass through.
        File.SetUnixFileMode(_root, (UnixFileMode)0b111_001_001);
        _model = await OpenAiCompatibleServer.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _model.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task a_run_killed_mid_step_continues_after_a_restart_and_pays_each_completed_step_once()
    {
        await using var app = new AppProcess(Path.Combine(_root, "data"), LoopbackPort.Reserve());
        await app.StartAsync();
        var token = await SignUpAsync(app);
        using var http = app.Client(token);
        await AppProcess.ReadAsync<JsonElement>(await http.PutAsJsonAsync("/api/providers/local", new { base_url = _model.BaseUrl.ToString() }));
        var playbook = (await AppProcess.ReadAsync<JsonElement>(await http.PostAsJsonAsync("/api/playbooks", new
        {
            title = "Three", content = "# Three\n\n## STEP 1: One\n\nOne.\n\n## STEP 2: Two\n\nTwo.\n\n## STEP 3: Three\n\nThree.\n",
        }))).Id();
        var never = new TaskCompletionSource();
        _model.Reply(new ScriptedReply.Text("A", 10, 1)).Reply(new ScriptedReply.Held(never.Task, new ScriptedReply.Text("lost", 10, 1)));

        // The execute call waits for the run; it dies with the server.
        _ = http.PostAsJsonAsync($"/api/playbooks/{playbook}/executions", new { model_id = "local/model-a" });
        await Waits.UntilAsync(() => _model.Requests.Count(IsChat) == 2, "step 2's model call");
        var execution = (await AppProcess.ReadAsync<JsonElement>(await http.GetAsync($"/api/playbooks/{playbook}/executions")))
            .GetProperty("executions")[0].Id();
        await app.KillAsync();

        _model.Reply(new ScriptedReply.Text("B", 10, 1)).Reply(new ScriptedReply.Text("C", 10, 1));
        await app.StartAsync();
        var run = await UntilAtRestAsync(app.Client(token), execution);

        run.Str("status").ShouldBe("completed", app.Log);
        run.GetProperty("steps").EnumerateArray().Select(s => (s.Str("label"), s.Str("content"))).ShouldBe([("1", "A"), ("2", "B"), ("3", "C")]);
        _model.Requests.Where(IsChat).Select(r => PlaybookRunTests.Sent(r).Last().Content).ShouldBe(["One.", "Two.", "Two.", "Three."]);
        run.GetProperty("totals").GetProperty("input_tokens").GetInt64().ShouldBe(30);
    }

    private static bool IsChat(ReceivedRequest request) => request.Path.EndsWith("/chat/completions", StringComparison.Ordinal);

    private static async Task<string> SignUpAsync(AppProcess app)
    {
        using var http = app.Client();
        var account = new { email = $"kill-{Guid.NewGuid():N}@example.com", password = "correct horse battery" };
        await AppProcess.ReadAsync<JsonElement>(await http.PostAsJsonAsync("/api/auth/register", account));
        return (await AppProcess.ReadAsync<JsonElement>(await http.PostAsJsonAsync("/api/auth/login", account))).Str("token");
    }

    private static async Task<JsonElement> UntilAtRestAsync(HttpClient http, string execution)
    {
        using (http)
        using (var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            bound.CancelAfter(Waits.Bound);
            while (true)
            {
                var run = await AppProcess.ReadAsync<JsonElement>(await http.GetAsync($"/api/playbook-executions/{execution}", bound.Token));
                if (run.Str("status") != "running") return run;
                await Task.Delay(100, bound.Token);
            }
        }
    }
}
