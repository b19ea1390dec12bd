using System.Net;
using Alba;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Security;

public sealed class CrossSiteRequestTests(PromptmarkApp app)
{
    private const string NewPrompt = """{"title":"x","prompt":"y"}""";

    [Fact]
    public async Task a_form_posted_with_the_session_cookie_creates_nothing()
    {
        var user = await app.NewUserAsync();
        await app.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["title"] = "x", ["prompt"] = "y" }).ToUrl("/api/prompts");
            s.WithRequestHeader("Cookie", $"pm_session={user.Token}");
            s.StatusCodeShouldBe(403);
        });
        (await app.GetAsync(user, "/api/prompts")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Theory]
    [InlineData("same-site", "http://localhost:3000")]
    [InlineData("same-site", null)]
    [InlineData("none", "http://localhost")]
    [InlineData(null, "http://localhost:3000")]
    [InlineData(null, null)]
    public async Task a_cookie_authenticated_change_must_come_from_the_app_itself(string? fetchSite, string? origin)
    {
        var user = await app.NewUserAsync();
        var problem = await CookiePostAsync(user, fetchSite, origin, 403);
        problem.ShouldContain("must come from the Promptmark web app itself");
        (await app.GetAsync(user, "/api/prompts")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Theory]
    [InlineData("same-origin", "http://localhost")]
    [InlineData(null, "http://localhost")]
    public async Task the_web_app_changes_data_with_the_session_cookie(string? fetchSite, string? origin)
    {
        var user = await app.NewUserAsync();
        await CookiePostAsync(user, fetchSite, origin, 201);
    }

    [Fact]
    public async Task bearer_tokens_and_api_keys_need_no_origin()
    {
        var user = await app.NewUserAsync();
        var key = (await app.PostAsync(user, "/api/keys", new { name = "cli" }, 201)).Str("key");
        await app.Host.Scenario(s =>
        {
            s.Post.Text(NewPrompt).ToUrl("/api/prompts");
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithRequestHeader("X-API-Key", key);
            s.WithRequestHeader("Cookie", "pm_session=whatever");
            s.StatusCodeShouldBe(201);
        });
    }

    [Theory]
    [InlineData("/api/prompts")]
    [InlineData("/api/auth/me")]
    public async Task a_foreign_origin_is_refused_even_with_a_bearer_token(string url)
    {
        var user = await app.NewUserAsync();
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(user.Token);
            s.WithRequestHeader("Origin", "http://evil.example.com");
            s.StatusCodeShouldBe(403);
        });
        (await result.ReadAsTextAsync()).ShouldContain("'http://evil.example.com' are not allowed");
    }

    [Theory]
    [InlineData("http://localhost:6274")]
    [InlineData("http://127.0.0.1:5173")]
    [InlineData("https://[::1]:8443")]
    [InlineData("http://localhost")]
    public async Task local_tools_on_any_loopback_port_may_call_the_api_with_a_token(string origin)
    {
        var user = await app.NewUserAsync();
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/prompts");
            s.WithBearerToken(user.Token);
            s.WithRequestHeader("Origin", origin);
            s.StatusCodeShouldBe(200);
        });
    }

    private async Task<string> CookiePostAsync(TestUser user, string? fetchSite, string? origin, int expected)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Text(NewPrompt).ToUrl("/api/prompts");
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithRequestHeader("Cookie", $"pm_session={user.Token}");
            if (fetchSite is not null) s.WithRequestHeader("Sec-Fetch-Site", fetchSite);
            if (origin is not null) s.WithRequestHeader("Origin", origin);
            s.StatusCodeShouldBe(expected);
        });
        return await result.ReadAsTextAsync();
    }
}
