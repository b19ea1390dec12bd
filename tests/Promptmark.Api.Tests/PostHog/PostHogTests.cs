using System.Text.Json;
using Promptmark.Api.Features.PostHog;
using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.PostHog;

/// <summary>configure_posthog, get_posthog_status and the $ai_generation events each model call sends to a local PostHog capture server.</summary>
public sealed class PostHogTests(PromptmarkApp app) : IAsyncLifetime
{
    private OpenAiCompatibleServer _model = null!;
    private PostHogCaptureServer _postHog = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await OpenAiCompatibleServer.StartAsync();
        _postHog = await PostHogCaptureServer.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _postHog.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task the_status_says_what_is_configured_and_never_holds_a_key()
    {
        var user = await app.NewUserAsync();
        var before = await app.GetAsync(user, "/api/posthog");
        before.GetProperty("configured").GetBoolean().ShouldBeFalse();
        before.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        new PostHogOptions().DefaultHost.ShouldBe("https://us.i.posthog.com");

        var configured = await app.PutAsync(user, "/api/posthog", new { project_api_key = "phc_project1", personal_api_key = "phx_personal1", host = $"{_postHog.Host}/" });
        configured.Str("host").ShouldBe(_postHog.Host.ToString().TrimEnd('/'));
        configured.GetProperty("has_project_key").GetBoolean().ShouldBeTrue();
        configured.GetProperty("has_personal_key").GetBoolean().ShouldBeTrue();
        configured.GetProperty("enabled").GetBoolean().ShouldBeTrue();

        var status = await app.GetAsync(user, "/api/posthog");
        status.GetProperty("configured").GetBoolean().ShouldBeTrue();
        status.GetProperty("has_personal_key").GetBoolean().ShouldBeTrue();
        status.GetRawText().ShouldNotContain("phc_project1");
        status.GetRawText().ShouldNotContain("phx_personal1");
    }

    [Theory]
    [InlineData("pk_live_1", null, null, "project_api_key")]
    [InlineData("phc_ok", "phc_not_personal", null, "personal_api_key")]
    [InlineData("phc_ok", null, "http://posthog.example.com", "host")]
    [InlineData("phc_ok", null, "https://10.0.0.1", "host")]
    [InlineData("phc_ok", null, "https://localhost", "host")]
    public async Task a_key_without_its_prefix_or_a_host_that_is_not_public_https_is_refused(string project, string? personal, string? host, string field)
    {
        var user = await app.NewUserAsync();

        var problem = await app.PutAsync(user, "/api/posthog", new { project_api_key = project, personal_api_key = personal, host }, 400);

        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        problem.GetRawText().ShouldNotContain(project);
        (await app.GetAsync(user, "/api/posthog")).GetProperty("configured").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task each_model_call_sends_an_ai_generation_event_with_its_usage_cost_and_outcome()
    {
        var user = await UserWithPostHogAsync("phc_events");
        var conversation = await ConversationAsync(user);
        _model.Reply(new ScriptedReply.Text("A1", 1000, 500)).Reply(new ScriptedReply.Failure(500, "model crashed"));

        await app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content = "Q1" });
        await using var mcp = await app.McpClientAsync(user);
        (await mcp.CallErrorAsync("send_message", new { conversation_id = conversation, content = "Q2" })).ShouldContain("500");
        await Waits.UntilAsync(() => _postHog.Events.Count() == 2, "both calls reached PostHog");

        _postHog.Batches.ShouldAllBe(b => b.ApiKey == "phc_events");
        var events = _postHog.Events.ToList();
        events.ShouldAllBe(e => e.GetProperty("event").GetString() == "$ai_generation" && e.GetProperty("distinct_id").GetString() == user.Id.ToString());
        var success = Properties(events.Single(e => Properties(e).Str("outcome") == "success"));
        success.Str("$ai_model").ShouldBe("test-model");
        success.Str("$ai_provider").ShouldBe("priced");
        success.GetProperty("$ai_input_tokens").GetInt64().ShouldBe(1000);
        success.GetProperty("$ai_output_tokens").GetInt64().ShouldBe(500);
        success.GetProperty("$ai_total_cost_usd").GetDecimal().ShouldBe(0.006m);
        success.GetProperty("$ai_latency").GetDouble().ShouldBeGreaterThan(0);
        success.GetProperty("$ai_is_error").GetBoolean().ShouldBeFalse();
        success.Str("feature").ShouldBe("conversation");
        success.TryGetProperty("$ai_input", out _).ShouldBeFalse("no message text is sent");
        var failure = Properties(events.Single(e => Properties(e).Str("outcome") == "error"));
        failure.GetProperty("$ai_is_error").GetBoolean().ShouldBeTrue();
        failure.GetProperty("$ai_http_status").GetInt32().ShouldBe(500);
    }

    [Fact]
    public async Task a_batch_that_posthog_answers_500_arrives_on_the_retry()
    {
        var user = await UserWithPostHogAsync("phc_retry");
        var conversation = await ConversationAsync(user);
        _postHog.AnswerNext(500);
        _model.Reply(new ScriptedReply.Text("A1", 10, 5));

        await app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content = "Q1" });
        await Waits.UntilAsync(() => _postHog.Events.Any(), "the event reached PostHog");

        _postHog.Batches.Select(b => b.AnsweredStatus).ShouldBe([500, 200]);
        _postHog.Batches.Last().Events.Single().GetRawText().ShouldBe(_postHog.Batches.First().Events.Single().GetRawText());
    }

    [Fact]
    public async Task a_posthog_that_hangs_does_not_hold_up_the_chat()
    {
        var user = await UserWithPostHogAsync("phc_hang");
        var conversation = await ConversationAsync(user);
        _postHog.Hang = true;
        _model.Reply(new ScriptedReply.Text("A1", 10, 5)).Reply(new ScriptedReply.Text("A2", 10, 5));

        await app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content = "Q1" });
        await Waits.UntilAsync(() => _postHog.Received > 0, "the first event is being sent to the hanging PostHog");
        var second = await app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content = "Q2" });

        second.GetProperty("assistant_message").Str("content").ShouldBe("A2");
        _postHog.Batches.ShouldBeEmpty("PostHog has answered nothing yet");
        (await app.GetAsync(user, $"/api/conversations/{conversation}")).GetProperty("message_count").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task disabled_analytics_send_nothing_and_posthog_works_over_mcp()
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);
        var configured = await mcp.CallJsonAsync("configure_posthog", new { project_api_key = "phc_mcp", host = _postHog.Host.ToString(), enabled = false });
        configured.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        configured.Str("message").ShouldContain("disabled");
        (await mcp.CallJsonAsync("get_posthog_status", new { })).GetProperty("configured").GetBoolean().ShouldBeTrue();
        (await mcp.CallErrorAsync("configure_posthog", new { project_api_key = "phx_wrong" })).ShouldContain("project_api_key: must start with phc_");

        await app.PutAsync(user, "/api/providers/priced", new { base_url = _model.BaseUrl.ToString() });
        var conversation = (await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = "priced/test-model" }, 201)).Id();
        _model.Reply(new ScriptedReply.Text("A1", 10, 5));
        await app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content = "Q1" });
        // A second user's call, reported, was queued after the first user's (which must not be).
        var other = await UserWithPostHogAsync("phc_other");
        _model.Reply(new ScriptedReply.Text("B1", 10, 5));
        await app.PostAsync(other, $"/api/conversations/{await ConversationAsync(other)}/messages", new { content = "Q" });
        await Waits.UntilAsync(() => _postHog.Events.Any(), "the second user's event reached PostHog");

        _postHog.Batches.ShouldAllBe(b => b.ApiKey == "phc_other");
    }

    private async Task<TestUser> UserWithPostHogAsync(string projectKey)
    {
        var user = await app.NewUserAsync();
        await app.PutAsync(user, "/api/posthog", new { project_api_key = projectKey, host = _postHog.Host.ToString() });
        await app.PutAsync(user, "/api/providers/priced", new { base_url = _model.BaseUrl.ToString() });
        return user;
    }

    private async Task<string> ConversationAsync(TestUser user) =>
        (await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = "priced/test-model" }, 201)).Id();

    private static JsonElement Properties(JsonElement captured) => captured.GetProperty("properties");
}
