using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Auth;

public sealed class SessionTests(PromptmarkApp app)
{
    [Fact]
    public async Task a_copied_token_gets_401_on_rest_and_mcp_once_its_session_signs_out()
    {
        var user = await app.NewUserAsync();
        await app.GetAsync(user, "/api/auth/me");
        await using var openedBefore = await app.McpClientAsync(user);

        await app.PostAsync(user, "/api/auth/logout", new { }, 204);

        await app.GetAsync(user, "/api/auth/me", 401);
        await app.Host.Scenario(s =>
        {
            s.Post.Json(new { jsonrpc = "2.0", id = 1, method = "tools/list" }).ToUrl("/mcp");
            s.WithBearerToken(user.Token);
            s.StatusCodeShouldBe(401);
        });
        await Should.ThrowAsync<HttpRequestException>(() => openedBefore.ListToolsAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task signing_out_with_the_cookie_ends_the_session_for_bearer_copies_too()
    {
        var user = await app.NewUserAsync();

        var signOut = await app.Host.Scenario(s =>
        {
            s.Post.Url("/api/auth/logout");
            s.WithRequestHeader("Cookie", $"pm_session={user.Token}");
            // As the web app sends it: a cookie-authenticated change must come from our own origin.
            s.WithRequestHeader("Sec-Fetch-Site", "same-origin");
            s.StatusCodeShouldBe(204);
        });

        signOut.Context.Response.Headers.SetCookie.ToString().ShouldContain("pm_session=;");
        await app.GetAsync(user, "/api/auth/me", 401);
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/auth/me");
            s.WithRequestHeader("Cookie", $"pm_session={user.Token}");
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task signing_out_ends_only_the_session_it_was_made_with()
    {
        var user = await app.NewUserAsync();
        var other = await app.PostAsync(null, "/api/auth/login", new { email = user.Email, password = user.Password }, 200, ClientAddresses.New());
        var otherSession = user with { Token = other.Str("token") };

        await app.PostAsync(user, "/api/auth/logout", new { }, 204);

        await app.GetAsync(user, "/api/auth/me", 401);
        (await app.GetAsync(otherSession, "/api/auth/me")).Str("email").ShouldBe(user.Email);
    }

    [Fact]
    public async Task expired_session_records_are_deleted_and_live_ones_kept()
    {
        var user = await app.NewUserAsync();
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        var now = DateTimeOffset.UtcNow;
        var expired = new UserSession { Id = Guid.CreateVersion7(), UserId = user.Id, StartedAt = now.AddDays(-2), ExpiresAt = now.AddDays(-1) };
        var live = new UserSession { Id = Guid.CreateVersion7(), UserId = user.Id, StartedAt = now, ExpiresAt = now.AddHours(1) };
        await using (var session = store.LightweightSession())
        {
            session.Store(expired, live);
            await session.SaveChangesAsync();
        }

        await app.Host.Services.GetRequiredService<UserSessions>().PurgeExpiredAsync(CancellationToken.None);

        await using var query = store.QuerySession();
        (await query.LoadAsync<UserSession>(expired.Id)).ShouldBeNull();
        (await query.LoadAsync<UserSession>(live.Id)).ShouldNotBeNull();
        await app.GetAsync(user, "/api/auth/me");
    }
}
