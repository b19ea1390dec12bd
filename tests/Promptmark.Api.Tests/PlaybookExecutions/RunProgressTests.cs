using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.PlaybookExecutions;

/// <summary>GET /api/playbook-executions/{id}/events: a run's progress as Server-Sent Events, while the durable queue runs it.</summary>
public sealed class RunProgressTests(PromptmarkApp app) : IAsyncLifetime
{
    private OpenAiCompatibleServer _model = null!;

    public async ValueTask InitializeAsync() => _model = await OpenAiCompatibleServer.StartAsync();

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    private const string FourSteps = """
        # Flow

        ## STEP 1: One

        One.

        ## STEP 2: Two

        Two.

        ## STEP 3: Confirm

        @elicit(confirm, "Go on?")

        ## STEP 4: Four

        Four.

        ## ARTIFACTS

        type: markdown
        """;

    [Fact]
    public async Task a_subscriber_sees_the_run_as_it_stands_then_each_step_start_and_finish_each_stop_and_the_end()
    {
        var user = await UserWithProviderAsync();
        var playbook = await PlaybookRunTests.PlaybookAsync(app, user, FourSteps);
        var release = new TaskCompletionSource();
        _model.Reply(new ScriptedReply.Text("A", 1, 1)).Reply(new ScriptedReply.Held(release.Task, new ScriptedReply.Text("B", 2, 3)))
            .Reply(new ScriptedReply.Text("# D", 1, 1));
        var paused = await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { model_id = "local/model-a", breakpoints = "1" }, 201);
        using var stream = await SubscribeAsync(user, paused.Id());

        var snapshot = await NextAsync(stream);
        (snapshot.Name, snapshot.Data.Str("status"), snapshot.Data.GetProperty("steps").GetArrayLength()).ShouldBe(("snapshot", "paused", 1));

        var resuming = app.PostAsync(user, $"/api/playbook-executions/{paused.Id()}/resume", new { });
        (await NextAsync(stream)).Name.ShouldBe("resumed");
        var started = await NextAsync(stream);
        (started.Name, started.Data.Str("label"), started.Data.Str("title")).ShouldBe(("step_started", "2", "Two"));
        release.SetResult();
        var delta = await NextAsync(stream);
        (delta.Name, delta.Data.Str("label"), delta.Data.Str("text")).ShouldBe(("step_delta", "2", "B"));
        var done = await NextAsync(stream);
        (done.Name, done.Data.Str("content"), done.Data.GetProperty("output_tokens").GetInt64(), done.Data.Str("model_id")).ShouldBe(("step_done", "B", 3, "local/model-a"));
        var asking = await NextAsync(stream);
        (asking.Name, asking.Data.GetProperty("elicitation").Str("prompt")).ShouldBe(("awaiting_input", "Go on?"));
        (await resuming.Bounded()).Str("status").ShouldBe("awaiting_input");

        await app.PostAsync(user, $"/api/playbook-executions/{paused.Id()}/respond", new { response = "yes" });

        // Step 4's text may come in deltas (or may not, when the stream reads the run after the step is done): what they tell is
        // the model-step test's; here it is the order of the rest.
        var rest = new List<(string Name, JsonElement Data)>();
        while (await ServerSentEvents.NextAsync(stream) is { } next)
            if (next.Name != "step_delta") rest.Add(next);
        rest.Select(e => e.Name).ShouldBe(["resumed", "step_started", "step_done", "step_started", "step_done", "done"]);
        rest.Where(e => e.Name == "step_done").Select(e => (e.Data.Str("label"), e.Data.Str("source"))).ShouldBe([("3", "elicitation"), ("4", "model")]);
        rest[^1].Data.GetProperty("artifact").Str("content").ShouldBe("# D");
    }

    [Fact]
    public async Task a_run_started_without_waiting_answers_running_and_its_stream_follows_it_to_the_end()
    {
        var user = await UserWithProviderAsync();
        var playbook = await PlaybookRunTests.PlaybookAsync(app, user, "# One\n\n## STEP 1: Only\n\nOnly.\n");
        var release = new TaskCompletionSource();
        _model.Reply(new ScriptedReply.Held(release.Task, new ScriptedReply.Text("Answer", 1, 1)));

        var started = await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { model_id = "local/model-a", wait = false }, 201);

        started.Str("status").ShouldBe("running");
        using var stream = await SubscribeAsync(user, started.Id());
        (await NextAsync(stream)).Data.Str("status").ShouldBe("running");
        (await NextAsync(stream)).Name.ShouldBe("step_started");
        release.SetResult();
        (await NextAsync(stream)).Data.Str("text").ShouldBe("Answer");
        (await NextAsync(stream)).Data.Str("content").ShouldBe("Answer");
        (await NextAsync(stream)).Name.ShouldBe("done");
        (await ServerSentEvents.NextAsync(stream)).ShouldBeNull();
    }

    [Fact]
    public async Task a_subscriber_sees_a_model_steps_text_in_deltas_as_it_is_written_and_the_step_stores_them_joined()
    {
        var user = await UserWithProviderAsync();
        var playbook = await PlaybookRunTests.PlaybookAsync(app, user, "# One\n\n## STEP 1: Only\n\nOnly.\n");
        var (subscribed, written) = (new TaskCompletionSource(), new TaskCompletionSource());
        _model.Reply(new ScriptedReply.Held(subscribed.Task, new ScriptedReply.Paced(new ScriptedReply.Text("Alpha beta gamma delta", 2, 4), 2, written.Task)));
        var started = await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { model_id = "local/model-a", wait = false }, 201);
        using var stream = await SubscribeAsync(user, started.Id());
        (await NextAsync(stream)).Name.ShouldBe("snapshot");
        (await NextAsync(stream)).Name.ShouldBe("step_started");

        subscribed.SetResult();
        // The model holds the rest of its answer until these two arrive: they can only come while the step is under way.
        var early = new[] { await NextAsync(stream), await NextAsync(stream) };
        written.SetResult();
        var rest = new List<(string Name, JsonElement Data)>();
        while (await ServerSentEvents.NextAsync(stream) is { } next) rest.Add(next);

        var deltas = early.Concat(rest.TakeWhile(e => e.Name == "step_delta")).ToList();
        deltas.Select(d => (d.Name, d.Data.Str("execution_id"), d.Data.Str("label"))).Distinct().ShouldBe([("step_delta", started.Id(), "1")]);
        deltas.Select(d => d.Data.Str("text")).ShouldBe(["Alpha", " beta", " gamma", " delta"]);
        deltas.Select(d => d.Data.GetProperty("offset").GetInt32()).ShouldBe([0, 5, 10, 16]);
        rest.Skip(deltas.Count - early.Length).Select(e => e.Name).ShouldBe(["step_done", "done"]);
        var stored = (await app.GetAsync(user, $"/api/playbook-executions/{started.Id()}")).GetProperty("steps")[0];
        (stored.Str("content"), stored.GetProperty("input_tokens").GetInt64(), stored.GetProperty("output_tokens").GetInt64())
            .ShouldBe(("Alpha beta gamma delta", 2, 4));
        _model.Requests.Last().Streams.ShouldBeTrue();
    }

    [Fact]
    public async Task a_late_subscriber_to_a_finished_run_gets_its_snapshot_and_end_and_a_stranger_gets_404()
    {
        var user = await UserWithProviderAsync();
        var playbook = await PlaybookRunTests.PlaybookAsync(app, user, "# One\n\n## STEP 1: Only\n\nOnly.\n");
        _model.Reply(new ScriptedReply.Failure(400, "The model is busy"));
        var failed = await app.PostAsync(user, $"/api/playbooks/{playbook}/executions", new { model_id = "local/model-a" }, 201);

        using var stream = await SubscribeAsync(user, failed.Id());

        (await NextAsync(stream)).Name.ShouldBe("snapshot");
        var end = await NextAsync(stream);
        (end.Name, end.Data.Str("error")).ShouldBe(("failed", "Step 1 failed: local answered 400: The model is busy"));
        (await ServerSentEvents.NextAsync(stream)).ShouldBeNull();
        var stranger = await app.NewUserAsync();
        (await app.GetAsync(stranger, $"/api/playbook-executions/{failed.Id()}/events", 404)).Str("detail").ShouldContain("not found");
    }

    private async Task<StreamReader> SubscribeAsync(TestUser user, string execution)
    {
        var client = app.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        var response = await client.GetAsync($"/api/playbook-executions/{execution}/events", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken).Bounded();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        return new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<(string Name, JsonElement Data)> NextAsync(StreamReader stream) =>
        await ServerSentEvents.NextAsync(stream) ?? throw new InvalidOperationException("The stream ended early.");

    private async Task<TestUser> UserWithProviderAsync()
    {
        var user = await app.NewUserAsync();
        await app.PutAsync(user, "/api/providers/local", new { base_url = _model.BaseUrl.ToString() });
        return user;
    }
}
