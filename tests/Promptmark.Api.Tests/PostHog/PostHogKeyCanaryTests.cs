using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.PostHog;

/// <summary>Canary PostHog keys, configured, used to send events, refused and replaced, never come back, reach a log line or sit in the database in clear.</summary>
public sealed class PostHogKeyCanaryTests(PromptmarkApp app)
{
    private readonly string _canary = $"CANARY{Guid.NewGuid():N}";
    private readonly LeakWatch _watch = new(app);

    [Fact]
    public async Task a_posthog_key_never_leaves_the_server_in_clear_except_to_posthog()
    {
        await using var postHog = await PostHogCaptureServer.StartAsync();
        await using var model = await OpenAiCompatibleServer.StartAsync();
        var user = await app.NewUserAsync();
        var host = postHog.Host.ToString();

        await _watch.SendAsync(user, HttpMethod.Put, "/api/posthog", new { project_api_key = $"phc_{_canary}", personal_api_key = $"phx_{_canary}", host }, 200);
        await _watch.SendAsync(user, HttpMethod.Put, "/api/posthog", new { project_api_key = $"phx_{_canary}", host }, 400);
        await _watch.SendAsync(user, HttpMethod.Put, "/api/posthog", new { project_api_key = $"phc_{_canary}\n", host }, 400);
        await _watch.SendAsync(user, HttpMethod.Put, "/api/posthog", new { project_api_key = $"phc_{_canary}", host = "http://10.0.0.1" }, 400);
        await _watch.SendAsync(user, HttpMethod.Get, "/api/posthog", null, 200);
        await _watch.SendAsync(user, HttpMethod.Put, "/api/providers/local", new { base_url = model.BaseUrl.ToString() }, 200);
        var conversation = await _watch.SendAsync(user, HttpMethod.Post, "/api/conversations", new { title = "t", model_id = "local/model-a" }, 201);
        model.Reply(new ScriptedReply.Text("A", 1, 1));
        await _watch.SendAsync(user, HttpMethod.Post, $"/api/conversations/{conversation.Id()}/messages", new { content = "Q" }, 200);
        await Waits.UntilAsync(() => postHog.Events.Any(), "the event reached PostHog");
        await _watch.SendAsync(user, HttpMethod.Put, "/api/posthog", new { project_api_key = $"phc_{_canary}2", host, enabled = false }, 200);

        postHog.Batches.ShouldContain(b => b.ApiKey == $"phc_{_canary}", "the canary really was sent to PostHog");
        (await _watch.PlacesHoldingAsync(_canary)).ShouldBeEmpty();
    }
}
