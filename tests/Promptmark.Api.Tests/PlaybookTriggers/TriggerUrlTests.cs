using System.Text.Json;
using Alba;
using Promptmark.Api.Features.PlaybookTriggers;
using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.PlaybookExecutions;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.PlaybookTriggers;

/// <summary>A playbook's trigger URL, called the way a webhook sender calls it: with the trigger token as a bearer token and nothing else.</summary>
public sealed class TriggerUrlTests(PromptmarkApp app) : IAsyncLifetime
{
    private OpenAiCompatibleServer _model = null!;

    public async ValueTask InitializeAsync() => _model = await OpenAiCompatibleServer.StartAsync();

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    internal const string Research = """
        # Research

        ## INPUTS

        - `topic` (string): What to research
        - `depth` (enum: brief, deep): How far to go
        - `pages` (number: 2): How long

        ## STEP 1: Write

        Write {{pages}} pages, {{depth}}, about {{topic}}.

        @output(essay)
        """;

    [Fact]
    public async Task a_trigger_with_the_token_queues_a_run_that_completes_with_the_body_as_inputs()
    {
        var (owner, playbook) = await OwnerWithPlaybookAsync();
        var created = await app.PostAsync(owner, $"/api/playbooks/{playbook}/trigger-token", new { }, 201);
        var token = created.Str("token");
        token.ShouldStartWith(TriggerTokens.Prefix);
        created.Str("trigger_path").ShouldBe($"/api/playbooks/{playbook}/trigger");
        _model.Reply(new ScriptedReply.Text("An essay on tides", 10, 4));

        var (status, location, body) = await TriggerAsync(playbook, token, new { topic = "tides", depth = "deep" });

        status.ShouldBe(202);
        body.Str("status").ShouldBe("queued");
        var executionId = body.Str("execution_id");
        location.ShouldBe($"/api/playbook-executions/{executionId}");
        var run = await UntilOverAsync(owner, executionId);
        run.Str("status").ShouldBe("completed");
        run.GetProperty("outputs").Str("essay").ShouldBe("An essay on tides");
        PlaybookRunTests.Sent(_model.Requests.Single()).Last().Content.ShouldBe("Write 2 pages, deep, about tides.");
    }

    [Fact]
    public async Task a_body_that_does_not_fit_the_inputs_is_a_422_naming_each_field_and_queues_nothing()
    {
        var (owner, playbook) = await OwnerWithPlaybookAsync();
        var token = await CreateTokenAsync(owner, playbook);

        var (status, _, problem) = await TriggerAsync(playbook, token, new { depth = "medium", pages = "many" });

        status.ShouldBe(422);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("topic")[0].GetString().ShouldBe("is required");
        errors.GetProperty("depth")[0].GetString().ShouldBe("must be one of: brief, deep");
        errors.GetProperty("pages")[0].GetString().ShouldBe("must be a number");
        (await TriggerAsync(playbook, token, new[] { 1, 2 })).Status.ShouldBe(400);
        (await app.GetAsync(owner, $"/api/playbooks/{playbook}/executions")).GetProperty("total").GetInt64().ShouldBe(0);
        _model.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_token_that_sends_more_than_the_limit_in_a_minute_is_answered_429_with_retry_after()
    {
        var (owner, playbook) = await OwnerWithPlaybookAsync();
        var token = await CreateTokenAsync(owner, playbook);
        var other = await CreateTokenAsync(owner, await PlaybookAsync(owner));

        // Inputs that do not fit: each trigger is counted, and none queues a run.
        for (var i = 0; i < new PlaybookTriggerOptions().TriggerPerMinute; i++)
            (await TriggerAsync(playbook, token, new { })).Status.ShouldBe(422);
        var refused = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { topic = "tides" }).ToUrl($"/api/playbooks/{playbook}/trigger");
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(429);
        });

        int.Parse(refused.Context.Response.Headers.RetryAfter.ToString()).ShouldBeInRange(1, 60);
        (await TriggerAsync(playbook, other, new { })).Status.ShouldBe(401, "another playbook's token is its own and is refused here");
    }

    [Fact]
    public async Task a_revoked_token_and_a_rotated_ones_old_secret_are_refused_alike()
    {
        var (owner, playbook) = await OwnerWithPlaybookAsync();
        var first = await CreateTokenAsync(owner, playbook);
        (await app.PostAsync(owner, $"/api/playbooks/{playbook}/trigger-token", new { }, 409)).Str("detail").ShouldContain("rotate");

        var rotated = (await app.PostAsync(owner, $"/api/playbooks/{playbook}/trigger-token/rotate", new { })).Str("token");

        var old = await TriggerAsync(playbook, first, new { });
        old.Status.ShouldBe(401);
        (await TriggerAsync(playbook, rotated, new { })).Status.ShouldBe(422, "the new token is accepted (and the empty body refused)");
        var status = await app.GetAsync(owner, $"/api/playbooks/{playbook}/trigger-token");
        status.GetProperty("exists").GetBoolean().ShouldBeTrue();
        rotated.ShouldStartWith(status.Str("hint").TrimEnd('…'));

        await app.DeleteAsync(owner, $"/api/playbooks/{playbook}/trigger-token");

        var revoked = await TriggerAsync(playbook, rotated, new { });
        revoked.Status.ShouldBe(401);
        revoked.Body.Str("detail").ShouldBe(old.Body.Str("detail"));
        (await TriggerAsync(playbook, "pmt_never-issued", new { })).Body.Str("detail").ShouldBe(old.Body.Str("detail"));
        (await TriggerAsync(playbook, null, new { })).Status.ShouldBe(401);
        (await app.GetAsync(owner, $"/api/playbooks/{playbook}/trigger-token")).GetProperty("exists").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task neither_the_owners_session_nor_a_strangers_token_opens_a_trigger_url()
    {
        var (owner, playbook) = await OwnerWithPlaybookAsync();
        var stranger = await app.NewUserAsync();
        var theirs = await PlaybookAsync(stranger);
        var strangersToken = await CreateTokenAsync(stranger, theirs);
        await CreateTokenAsync(owner, playbook);

        (await TriggerAsync(playbook, strangersToken, new { topic = "x", depth = "brief" })).Status.ShouldBe(401);
        (await TriggerAsync(playbook, owner.Token, new { topic = "x", depth = "brief" })).Status.ShouldBe(401);
        (await app.GetAsync(owner, $"/api/playbooks/{playbook}/executions")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task a_trigger_token_never_leaves_the_server_in_clear_after_it_is_shown()
    {
        var watch = new LeakWatch(app);
        var (owner, playbook) = await OwnerWithPlaybookAsync();
        var token = await CreateTokenAsync(owner, playbook);
        var url = $"/api/playbooks/{playbook}/trigger";

        await watch.SendAsync(owner with { Token = token }, HttpMethod.Post, url, new { depth = "none" }, 422);
        await watch.SendAsync(owner with { Token = token + "x" }, HttpMethod.Post, url, new { }, 401);
        await watch.SendAsync(owner, HttpMethod.Get, $"/api/playbooks/{playbook}/trigger-token", null, 200);
        await watch.SendAsync(owner, HttpMethod.Get, $"/api/playbooks/{playbook}", null, 200);
        await watch.SendAsync(owner, HttpMethod.Post, $"/api/playbooks/{playbook}/trigger-token/rotate", new { }, 200);
        await watch.SendAsync(owner with { Token = token }, HttpMethod.Post, url, new { }, 401);

        (await watch.PlacesHoldingAsync(token)).ShouldBeEmpty();
    }

    private async Task<(TestUser Owner, string Playbook)> OwnerWithPlaybookAsync()
    {
        var owner = await app.NewUserAsync();
        await app.PutAsync(owner, "/api/providers/local", new { base_url = _model.BaseUrl.ToString() });
        return (owner, await PlaybookAsync(owner));
    }

    private Task<string> PlaybookAsync(TestUser owner) => PlaybookRunTests.PlaybookAsync(app, owner, Research, defaultModel: "local/model-a");

    private async Task<string> CreateTokenAsync(TestUser owner, string playbook) =>
        (await app.PostAsync(owner, $"/api/playbooks/{playbook}/trigger-token", new { }, 201)).Str("token");

    /// <summary>A trigger as a webhook sends it: the token as bearer, a JSON body, no cookie, no origin.</summary>
    private async Task<(int Status, string? Location, JsonElement Body)> TriggerAsync(string playbook, string? token, object body)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl($"/api/playbooks/{playbook}/trigger");
            if (token is not null) s.WithBearerToken(token);
            s.IgnoreStatusCode();
        }).Bounded();
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode, result.Context.Response.Headers.Location.ToString(), JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The queued run once it is over; polled, as the trigger's sender would follow its Location.</summary>
    private async Task<JsonElement> UntilOverAsync(TestUser owner, string executionId)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(Waits.Bound);
        while (true)
        {
            var run = await app.GetAsync(owner, $"/api/playbook-executions/{executionId}");
            if (run.Str("status") is not ("running" or "queued")) return run;
            await Task.Delay(50, bound.Token);
        }
    }
}
