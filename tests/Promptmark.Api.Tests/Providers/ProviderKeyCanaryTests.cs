using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Providers;

/// <summary>
/// A canary API key set on every kind of provider, used, refused (the fake servers quote a refused key back) and
/// replaced, must never come back in a response, reach a log line or be stored in clear in the database.
/// </summary>
public sealed class ProviderKeyCanaryTests(PromptmarkApp app)
{
    private readonly string _canary = $"CANARY{Guid.NewGuid():N}";
    private readonly LeakWatch _watch = new(app);

    [Fact]
    public async Task a_provider_key_never_leaves_the_server_in_clear()
    {
        await using var openAi = await OpenAiCompatibleServer.StartAsync(_canary);
        await using var anthropic = await AnthropicServer.StartAsync(_canary);
        var user = await app.NewUserAsync();

        await _watch.SendAsync(user, HttpMethod.Put, "/api/providers/openai", new { api_key = _canary, base_url = openAi.BaseUrl.ToString() }, 200);
        await _watch.SendAsync(user, HttpMethod.Put, "/api/providers/anthropic", new { api_key = _canary, base_url = anthropic.BaseUrl.ToString() }, 200);
        await _watch.SendAsync(user, HttpMethod.Put, "/api/providers/local", new { api_key = _canary, base_url = openAi.BaseUrl.ToString(), monthly_budget_usd = 1 }, 200);
        await _watch.SendAsync(user, HttpMethod.Put, "/api/providers/bad", new { api_key = $"{_canary}\n", base_url = openAi.BaseUrl.ToString() }, 400);
        await _watch.SendAsync(user, HttpMethod.Put, "/api/providers/bad", new { api_key = _canary, base_url = "http://10.0.0.1/v1" }, 400);
        await _watch.SendAsync(user, HttpMethod.Put, "/api/providers/bad", new { api_key = _canary, base_url = openAi.BaseUrl.ToString(), monthly_budget_usd = -1 }, 400);
        await _watch.SendAsync(user, HttpMethod.Get, "/api/providers", null, 200);
        await _watch.SendAsync(user, HttpMethod.Get, "/api/models", null, 200);
        await _watch.SendAsync(user, HttpMethod.Put, "/api/providers/openai", new { api_key = $"{_canary}-refused", base_url = openAi.BaseUrl.ToString() }, 200);
        await _watch.SendAsync(user, HttpMethod.Put, "/api/providers/anthropic", new { api_key = $"{_canary}-refused", base_url = anthropic.BaseUrl.ToString() }, 200);
        var refused = await _watch.SendAsync(user, HttpMethod.Get, "/api/models", null, 200);
        await _watch.SendAsync(user, HttpMethod.Delete, "/api/providers/local", null, 200);

        openAi.Requests.ShouldContain(r => r.Headers["Authorization"] == $"Bearer {_canary}", "the canary really was sent");
        refused.GetRawText().ShouldContain("the API key was refused");
        (await _watch.PlacesHoldingAsync(_canary)).ShouldBeEmpty();
    }
}
