using System.Text.Json;
using Alba;

namespace Promptmark.Api.Tests.Support;

/// <summary>Sends one REST request through Alba and returns the JSON body, checking the status code.</summary>
public static class Api
{
    /// <param name="clientAddress">The client address the request claims through a trusted proxy (see <see cref="ClientAddresses"/>).</param>
    public static async Task<JsonElement> SendAsync(IAlbaHost host, TestUser? user, HttpMethod verb, string url, object? body, int expectedStatus,
        string? clientAddress = null)
    {
        var result = await host.Scenario(s =>
        {
            if (verb == HttpMethod.Get) s.Get.Url(url);
            else if (verb == HttpMethod.Delete && body is null) s.Delete.Url(url);
            else if (verb == HttpMethod.Post) s.Post.Json(body ?? new { }).ToUrl(url);
            else if (verb == HttpMethod.Put) s.Put.Json(body ?? new { }).ToUrl(url);
            else if (verb == HttpMethod.Patch) s.Patch.Json(body ?? new { }).ToUrl(url);
            else s.Delete.Json(body!).ToUrl(url);
            if (user is not null) s.WithBearerToken(user.Token);
            if (clientAddress is not null) s.WithRequestHeader(ClientAddresses.Header, clientAddress);
            s.StatusCodeShouldBe(expectedStatus);
        }).Bounded();
        var text = await result.ReadAsTextAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<JsonElement> GetAsync(this PromptmarkApp app, TestUser? user, string url, int expect = 200) =>
        SendAsync(app.Host, user, HttpMethod.Get, url, null, expect);

    public static Task<JsonElement> PostAsync(this PromptmarkApp app, TestUser? user, string url, object body, int expect = 200, string? clientAddress = null) =>
        SendAsync(app.Host, user, HttpMethod.Post, url, body, expect, clientAddress);

    public static Task<JsonElement> PatchAsync(this PromptmarkApp app, TestUser? user, string url, object body, int expect = 200) =>
        SendAsync(app.Host, user, HttpMethod.Patch, url, body, expect);

    public static Task<JsonElement> PutAsync(this PromptmarkApp app, TestUser? user, string url, object body, int expect = 200) =>
        SendAsync(app.Host, user, HttpMethod.Put, url, body, expect);

    public static Task<JsonElement> DeleteAsync(this PromptmarkApp app, TestUser? user, string url, int expect = 200) =>
        SendAsync(app.Host, user, HttpMethod.Delete, url, null, expect);

    public static async Task<JsonElement> CreatePromptAsync(this PromptmarkApp app, TestUser user, object body) =>
        await app.PostAsync(user, "/api/prompts", body, 201);

    public static string Id(this JsonElement element) => element.GetProperty("id").GetString()!;

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
