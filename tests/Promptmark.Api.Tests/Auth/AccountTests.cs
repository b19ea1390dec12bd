using Alba;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Auth;

public sealed class AccountTests(PromptmarkApp app)
{
    [Fact]
    public async Task registering_returns_the_new_account()
    {
        var email = $"new-{Guid.NewGuid():N}@example.com";
        var user = await app.PostAsync(null, "/api/auth/register", new { email, password = "long enough pw" }, 201, ClientAddresses.New());
        user.Str("email").ShouldBe(email);
        Guid.TryParse(user.Str("id"), out _).ShouldBeTrue();
        user.TryGetProperty("password_hash", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task registering_a_taken_email_conflicts_whatever_its_case()
    {
        var user = await app.NewUserAsync();
        var problem = await app.PostAsync(null, "/api/auth/register", new { email = user.Email.ToUpperInvariant(), password = "another password" }, 409, ClientAddresses.New());
        problem.Str("detail").ShouldContain("already exists");
    }

    [Theory]
    [InlineData("not-an-email", "long enough pw", "email")]
    [InlineData("someone@example.com", "short", "password")]
    [InlineData("", "long enough pw", "email")]
    public async Task registering_with_bad_input_names_the_field(string email, string password, string field)
    {
        var problem = await app.PostAsync(null, "/api/auth/register", new { email, password }, 400, ClientAddresses.New());
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        problem.Str("title").ShouldBe("Invalid input");
    }

    [Fact]
    public async Task signing_in_returns_a_token_and_sets_an_http_only_cookie()
    {
        var user = await app.NewUserAsync();
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { email = user.Email, password = user.Password }).ToUrl("/api/auth/login");
            s.WithRequestHeader(ClientAddresses.Header, ClientAddresses.New());
            s.StatusCodeShouldBe(200);
        });
        var cookie = result.Context.Response.Headers.SetCookie.ToString();
        cookie.ShouldContain("pm_session=");
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        var body = await result.ReadAsJsonAsync<System.Text.Json.JsonElement>();
        body.Str("token").ShouldNotBeNullOrEmpty();
        DateTimeOffset.Parse(body.Str("expires_at")).ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddHours(23));
    }

    [Fact]
    public async Task the_session_cookie_authenticates_requests()
    {
        var user = await app.NewUserAsync();
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/auth/me");
            s.WithRequestHeader("Cookie", $"pm_session={user.Token}");
            s.StatusCodeShouldBe(200);
        });
    }

    [Fact]
    public async Task a_wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        var user = await app.NewUserAsync();
        var client = ClientAddresses.New();
        var problem = await app.PostAsync(null, "/api/auth/login", new { email = user.Email, password = "wrong password" }, 401, client);
        problem.Str("detail").ShouldBe("Email or password is incorrect.");
        var unknown = await app.PostAsync(null, "/api/auth/login", new { email = "nobody-" + user.Email, password = "wrong password" }, 401, client);
        unknown.Str("detail").ShouldBe("Email or password is incorrect.");
    }

    [Fact]
    public async Task me_answers_the_signed_in_user()
    {
        var user = await app.NewUserAsync();
        var me = await app.GetAsync(user, "/api/auth/me");
        me.Str("email").ShouldBe(user.Email);
        me.Str("id").ShouldBe(user.Id.ToString());
    }

    [Theory]
    [InlineData("/api/auth/me")]
    [InlineData("/api/prompts")]
    [InlineData("/api/keys")]
    [InlineData("/api/tags")]
    public async Task api_routes_without_credentials_answer_401_with_a_clear_message(string url)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(401);
        });
        result.Context.Response.Headers.WWWAuthenticate.ToString().ShouldStartWith("Bearer");
        (await result.ReadAsTextAsync()).ShouldContain("Authentication required");
    }

    [Fact]
    public async Task an_invalid_token_is_refused()
    {
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/auth/me");
            s.WithBearerToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad");
            s.StatusCodeShouldBe(401);
            s.Header("WWW-Authenticate").SingleValueShouldMatch(new System.Text.RegularExpressions.Regex("invalid_token"));
        });
    }

    [Fact]
    public async Task mcp_without_credentials_answers_401_with_www_authenticate()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { jsonrpc = "2.0", id = 1, method = "tools/list" }).ToUrl("/mcp");
            s.StatusCodeShouldBe(401);
        });
        result.Context.Response.Headers.WWWAuthenticate.ToString().ShouldContain("Bearer realm=\"promptmark\"");
    }

    [Fact]
    public async Task health_answers_200_when_the_database_answers()
    {
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/health");
            s.StatusCodeShouldBe(200);
            s.ContentShouldBe("Healthy");
        });
    }
}
