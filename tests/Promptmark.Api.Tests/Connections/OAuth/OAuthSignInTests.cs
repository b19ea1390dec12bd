using System.Text.Json;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections.OAuth;

/// <summary>
/// "Sign in with OAuth" against an OAuth-protected MCP server on loopback, driven over HTTP as the browser and the
/// callback page would: discovery from the 401, dynamic registration, PKCE, tokens sealed, refreshed before they
/// expire, and "re-authorization needed" once the refresh is refused. The tokens never come out in clear.
/// </summary>
public sealed class OAuthSignInTests(PromptmarkApp app) : IAsyncLifetime
{
    private readonly LeakWatch watch = new(app);
    private OAuthProtectedServer server = null!;

    public async ValueTask InitializeAsync() => server = await OAuthProtectedServer.StartAsync();

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task signing_in_connects_the_server_with_a_token_from_its_authorization_server()
    {
        var user = await app.NewUserAsync();
        var browser = new OAuthBrowser(watch, user);
        var id = await app.CreateConnectionAsync(user, server.McpUrl);
        (await app.PostAsync(user, $"/api/mcp/connections/{id}/test", new { })).GetProperty("ok").GetBoolean().ShouldBeFalse();

        var authorizationUrl = await browser.StartAsync(id);
        authorizationUrl.GetLeftPart(UriPartial.Path).ShouldBe($"{server.Issuer}/authorize");
        var signedIn = await browser.CallbackAsync(await OAuthBrowser.AuthorizeAsync(authorizationUrl));

        signedIn.GetProperty("ok").GetBoolean().ShouldBeTrue(signedIn.GetRawText());
        var connection = signedIn.GetProperty("connection");
        connection.Str("auth_type").ShouldBe("oauth");
        connection.GetProperty("signed_in_with_oauth").GetBoolean().ShouldBeTrue();
        connection.Str("status").ShouldBe("connected");
        var echo = await watch.SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{id}/tools/echo/execute", new { arguments = new { text = "hi" } }, 200);
        echo.ResultText().ShouldBe("hi");
        server.AcceptedTokens.ShouldAllBe(token => token == server.LastIssuedAccessToken);
        server.Registrations.ShouldBe(1);
        await NoTokenInClearAsync();
    }

    [Fact]
    public async Task tokens_about_to_expire_are_refreshed_before_the_server_is_called()
    {
        server.AccessLifetime = TimeSpan.FromSeconds(30);
        var user = await app.NewUserAsync();
        var id = await app.CreateConnectionAsync(user, server.McpUrl);
        var signedIn = await new OAuthBrowser(watch, user).SignInAsync(id);
        signedIn.GetProperty("ok").GetBoolean().ShouldBeTrue(signedIn.GetRawText());
        var refreshesAfterSignIn = server.Refreshes;

        await watch.SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{id}/tools/echo/execute", new { arguments = new { text = "again" } }, 200);

        server.Refreshes.ShouldBe(refreshesAfterSignIn + 1);
        server.AcceptedTokens.Last().ShouldBe(server.LastIssuedAccessToken);
        await NoTokenInClearAsync();
    }

    [Fact]
    public async Task a_refused_refresh_asks_for_reauthorization_and_signing_in_again_mends_it()
    {
        server.AccessLifetime = TimeSpan.FromSeconds(30);
        var user = await app.NewUserAsync();
        var browser = new OAuthBrowser(watch, user);
        var id = await app.CreateConnectionAsync(user, server.McpUrl);
        await browser.SignInAsync(id);
        server.RevokeRefreshTokens();

        var refused = await watch.SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{id}/tools/echo/execute", new { arguments = new { text = "x" } }, 409);
        refused.Str("detail").ShouldContain("re-authorization needed");
        var connection = await app.GetAsync(user, $"/api/mcp/connections/{id}");
        connection.Str("status").ShouldBe("reauthorization_needed");
        var test = await app.PostAsync(user, $"/api/mcp/connections/{id}/test", new { });
        test.GetProperty("connection").Str("status").ShouldBe("reauthorization_needed");

        var again = await browser.SignInAsync(id);
        again.GetProperty("connection").Str("status").ShouldBe("connected");
        server.Registrations.ShouldBe(1, "the client registered at the first sign-in is used again");
        await NoTokenInClearAsync();
    }

    [Fact]
    public async Task a_callback_with_another_state_or_a_refusal_stores_nothing()
    {
        var user = await app.NewUserAsync();
        var browser = new OAuthBrowser(watch, user);
        var id = await app.CreateConnectionAsync(user, server.McpUrl);
        var callback = await OAuthBrowser.AuthorizeAsync(await browser.StartAsync(id));

        var forged = new Dictionary<string, string>(callback) { ["state"] = $"{Guid.Parse(id):N}.forged" };
        (await browser.CallbackAsync(forged, 400)).GetRawText().ShouldContain("state");
        server.Declines = true;
        var declined = await OAuthBrowser.AuthorizeAsync(await browser.StartAsync(id));
        (await browser.CallbackAsync(declined, 422)).Str("detail").ShouldContain("access_denied");

        var connection = await app.GetAsync(user, $"/api/mcp/connections/{id}");
        connection.Str("auth_type").ShouldBe("none");
        connection.GetProperty("has_credentials").GetBoolean().ShouldBeFalse();
        server.AcceptedTokens.ShouldBeEmpty();
    }

    [Fact]
    public async Task an_authorization_server_the_egress_rules_refuse_is_never_contacted()
    {
        // A private address that is not on the allow list: refused by the URL policy before anything is dialled.
        server.NamedAuthorizationServer = "https://10.255.255.1/as";
        var user = await app.NewUserAsync();
        var id = await app.CreateConnectionAsync(user, server.McpUrl);

        var refused = await watch.SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{id}/oauth/start",
            new { redirect_uri = OAuthBrowser.CallbackPage }, 502);

        refused.Str("detail").ShouldContain("authorization server is not allowed");
        server.Registrations.ShouldBe(0);
    }

    private async Task NoTokenInClearAsync()
    {
        (await watch.PlacesHoldingAsync(server.AccessCanary)).ShouldBeEmpty();
        (await watch.PlacesHoldingAsync(server.RefreshCanary)).ShouldBeEmpty();
    }
}
