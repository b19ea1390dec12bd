using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Promptmark.Bench;

/// <summary>A user with one template prompt, signed in over REST: what both doors are measured against.</summary>
public sealed record BenchSession(Uri BaseAddress, string Token, string PromptId)
{
    public static async Task<BenchSession> CreateAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var credentials = new { email = $"bench-{Guid.NewGuid():N}@example.com", password = "benchmark password" };
        (await http.PostAsJsonAsync("/api/auth/register", credentials)).EnsureSuccessStatusCode();
        var login = await (await http.PostAsJsonAsync("/api/auth/login", credentials)).Content.ReadFromJsonAsync<JsonElement>();
        var token = login.GetProperty("token").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var prompt = new
        {
            title = "Release notes writer",
            prompt = TemplateThroughput.Content,
            tags = new[] { "writing", "release" },
            notes = "benchmark prompt",
        };
        var created = await (await http.PostAsJsonAsync("/api/prompts", prompt)).Content.ReadFromJsonAsync<JsonElement>();
        return new BenchSession(baseAddress, token, created.GetProperty("id").GetString()!);
    }

    public HttpClient NewHttpClient()
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return http;
    }
}
