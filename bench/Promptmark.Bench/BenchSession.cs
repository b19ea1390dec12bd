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

    /// <summary>The user's id, which is also the Marten tenant of every document they own.</summary>
    public async Task<string> UserIdAsync()
    {
        using var http = NewHttpClient();
        var me = await (await http.GetAsync("/api/auth/me")).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        return me.GetProperty("id").GetString()!;
    }

    /// <summary>A client sending the user's bearer token, to Promptmark or to another server answering the same routes.</summary>
    public HttpClient NewHttpClient(Uri? baseAddress = null)
    {
        var http = new HttpClient { BaseAddress = baseAddress ?? BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return http;
    }
}
