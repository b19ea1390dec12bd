using Alba;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Auth;

/// <summary>
/// A canary password and API keys sent through every way they can reach the server, accepted and refused, must never
/// come back in a response, reach a log line or be stored in clear (passwords and keys are kept only as hashes).
/// </summary>
public sealed class SecretCanaryTests(PromptmarkApp app)
{
    private readonly LeakWatch _watch = new(app);

    [Fact]
    public async Task a_password_never_leaves_the_server_in_clear()
    {
        var password = $"CANARY{Guid.NewGuid():N}";
        var email = $"canary-{Guid.NewGuid():N}@example.com";

        await _watch.SendAsync(HttpMethod.Post, "/api/auth/register", new { email, password }, 201, Anonymous);
        await _watch.SendAsync(HttpMethod.Post, "/api/auth/register", new { email, password = $"{password}-again" }, 409, Anonymous);
        await _watch.SendAsync(HttpMethod.Post, "/api/auth/register", new { email = "not an email", password }, 400, Anonymous);
        await _watch.SendAsync(HttpMethod.Post, "/api/auth/register", new { email = $"long-{email}", password = password + new string('x', 1024) }, 400, Anonymous);
        await _watch.SendAsync(HttpMethod.Post, "/api/auth/login", new { email, password = $"{password}-wrong" }, 401, Anonymous);
        await _watch.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = $"nobody-{email}", password }, 401, Anonymous);
        var token = (await _watch.SendAsync(HttpMethod.Post, "/api/auth/login", new { email, password }, 200, Anonymous)).Str("token");
        await _watch.SendAsync(HttpMethod.Get, "/api/auth/me", null, 200, s => s.WithBearerToken(token));

        (await _watch.PlacesHoldingAsync(password)).ShouldBeEmpty();
    }

    [Fact]
    public async Task an_api_key_never_leaves_the_server_in_clear()
    {
        var user = await app.NewUserAsync();
        var created = await app.PostAsync(user, "/api/keys", new { name = "canary" }, 201);
        var key = created.Str("key");
        var garbled = $"pm_CANARY{Guid.NewGuid():N}";

        await UseAsync(user with { Token = key }, accepted: true);
        await _watch.SendAsync(HttpMethod.Delete, $"/api/keys/{created.Id()}", null, 200, s => s.WithBearerToken(key));
        await UseAsync(user with { Token = key }, accepted: false);
        await UseAsync(user with { Token = garbled }, accepted: false);
        await _watch.SendAsync(user, HttpMethod.Get, "/api/keys", null, 200);

        (await _watch.PlacesHoldingAsync(key)).ShouldBeEmpty();
        (await _watch.PlacesHoldingAsync(garbled)).ShouldBeEmpty();
    }

    /// <summary>Sends the key <paramref name="holder"/> carries as token in both headers, to routes that answer and fail, and through MCP.</summary>
    private async Task UseAsync(TestUser holder, bool accepted)
    {
        var key = holder.Token;
        var missing = Guid.NewGuid();
        await _watch.SendAsync(HttpMethod.Get, "/api/auth/me", null, accepted ? 200 : 401, s => s.WithBearerToken(key));
        await _watch.SendAsync(HttpMethod.Get, $"/api/prompts/{missing}", null, accepted ? 404 : 401, s => s.WithRequestHeader("X-API-Key", key));
        await _watch.SendAsync(HttpMethod.Post, "/api/prompts", new { title = "" }, accepted ? 400 : 401, s => s.WithRequestHeader("X-API-Key", key));
        if (!accepted)
        {
            var refused = await Should.ThrowAsync<HttpRequestException>(() => app.McpClientAsync(holder));
            _watch.Keep(refused.ToString());
            return;
        }
        await using var mcp = await app.McpClientAsync(holder);
        _watch.Keep(await mcp.CallAsync("list_prompts", new { }));
        _watch.Keep(await mcp.CallAsync("get_prompt", new { id = missing }));
    }

    private static void Anonymous(Scenario scenario) { }
}
