using Alba;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Auth;

public sealed class ApiKeyTests(PromptmarkApp app)
{
    [Fact]
    public async Task a_new_key_is_shown_once_and_listed_without_its_secret()
    {
        var user = await app.NewUserAsync();
        var created = await app.PostAsync(user, "/api/keys", new { name = "Claude Desktop" }, 201);
        var key = created.Str("key");
        key.ShouldStartWith("pm_");
        key.Length.ShouldBeGreaterThan(40);

        var list = await app.GetAsync(user, "/api/keys");
        var listed = list.GetProperty("keys").EnumerateArray().Single();
        listed.Str("name").ShouldBe("Claude Desktop");
        listed.TryGetProperty("key", out _).ShouldBeFalse();
        list.GetRawText().ShouldNotContain(key);
        listed.Str("hint").ShouldBe(key[..9] + "…");
    }

    [Theory]
    [InlineData("Authorization", "Bearer {0}")]
    [InlineData("X-API-Key", "{0}")]
    public async Task a_key_authenticates_as_its_owner(string header, string format)
    {
        var user = await app.NewUserAsync();
        var key = (await app.PostAsync(user, "/api/keys", new { name = "script" }, 201)).Str("key");
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/auth/me");
            s.WithRequestHeader(header, string.Format(format, key));
            s.StatusCodeShouldBe(200);
        });
        (await result.ReadAsTextAsync()).ShouldContain(user.Email);
    }

    [Fact]
    public async Task a_revoked_key_stops_working_at_once()
    {
        var user = await app.NewUserAsync();
        var created = await app.PostAsync(user, "/api/keys", new { name = "temporary" }, 201);
        await app.DeleteAsync(user, $"/api/keys/{created.Id()}");
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/auth/me");
            s.WithRequestHeader("X-API-Key", created.Str("key"));
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task a_key_needs_a_name()
    {
        var user = await app.NewUserAsync();
        var problem = await app.PostAsync(user, "/api/keys", new { name = " " }, 400);
        problem.GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe("is required");
    }
}
