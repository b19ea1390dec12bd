using Microsoft.AspNetCore.WebUtilities;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections.OAuth;

/// <summary>
/// A connection with an OAuth client the user registered at the authorization server themselves: "Sign in with OAuth"
/// uses it (its secret in a Basic header) where the server offers no dynamic registration, and the secret is sealed,
/// never returned, logged or stored in clear.
/// </summary>
public sealed class PreRegisteredClientTests(PromptmarkApp app) : IAsyncLifetime
{
    private readonly string secretCanary = $"CANARYCS{Guid.NewGuid():N}";
    private readonly LeakWatch watch = new(app);
    private OAuthProtectedServer server = null!;

    public async ValueTask InitializeAsync() => server = await OAuthProtectedServer.StartAsync();

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task signing_in_uses_the_pre_registered_client_and_its_secret_never_comes_out()
    {
        server.PreRegistered = ("my-registered-client", secretCanary);
        var user = await app.NewUserAsync();
        var browser = new OAuthBrowser(watch, user);
        var created = await watch.SendAsync(user, HttpMethod.Post, "/api/mcp/connections",
            new { name = "pre-registered", server_url = server.McpUrl.ToString(), oauth_client_id = "my-registered-client", oauth_client_secret = secretCanary }, 201);
        created.Str("oauth_client_id").ShouldBe("my-registered-client");
        created.GetProperty("has_oauth_client_secret").GetBoolean().ShouldBeTrue();
        var id = created.Id();

        var authorizationUrl = await browser.StartAsync(id);
        QueryHelpers.ParseQuery(authorizationUrl.Query)["client_id"].ToString().ShouldBe("my-registered-client");
        var signedIn = await browser.CallbackAsync(await OAuthBrowser.AuthorizeAsync(authorizationUrl));

        signedIn.GetProperty("connection").Str("status").ShouldBe("connected", signedIn.GetRawText());
        server.Registrations.ShouldBe(0);
        await watch.SendAsync(user, HttpMethod.Get, $"/api/mcp/connections/{id}", null, 200);
        await watch.SendAsync(user, HttpMethod.Get, "/api/mcp/connections", null, 200);
        (await watch.PlacesHoldingAsync(secretCanary)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_removed_pre_registered_client_is_not_used_by_the_next_sign_in()
    {
        server.PreRegistered = ("my-registered-client", secretCanary);
        var user = await app.NewUserAsync();
        var browser = new OAuthBrowser(watch, user);
        var id = (await watch.SendAsync(user, HttpMethod.Post, "/api/mcp/connections",
            new { name = "pre-registered", server_url = server.McpUrl.ToString(), oauth_client_id = "my-registered-client", oauth_client_secret = secretCanary }, 201)).Id();
        await browser.CallbackAsync(await OAuthBrowser.AuthorizeAsync(await browser.StartAsync(id)));

        server.PreRegistered = null;
        await watch.SendAsync(user, HttpMethod.Put, $"/api/mcp/connections/{id}", new { oauth_client_id = "" }, 200);
        var again = await browser.StartAsync(id);

        QueryHelpers.ParseQuery(again.Query)["client_id"].ToString().ShouldNotBe("my-registered-client");
        server.Registrations.ShouldBe(1);
    }

    [Fact]
    public async Task the_client_is_set_and_removed_by_update_and_a_secret_needs_a_client_id()
    {
        var user = await app.NewUserAsync();
        var refused = await watch.SendAsync(user, HttpMethod.Post, "/api/mcp/connections",
            new { name = "no id", server_url = server.McpUrl.ToString(), oauth_client_secret = secretCanary }, 400);
        refused.GetRawText().ShouldContain("oauth_client_secret");
        var id = await app.CreateConnectionAsync(user, server.McpUrl);

        var updated = await watch.SendAsync(user, HttpMethod.Put, $"/api/mcp/connections/{id}", new { oauth_client_id = "later", oauth_client_secret = secretCanary }, 200);
        updated.Str("oauth_client_id").ShouldBe("later");
        updated.GetProperty("has_oauth_client_secret").GetBoolean().ShouldBeTrue();
        var removed = await watch.SendAsync(user, HttpMethod.Put, $"/api/mcp/connections/{id}", new { oauth_client_id = "" }, 200);
        removed.GetProperty("oauth_client_id").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        removed.GetProperty("has_oauth_client_secret").GetBoolean().ShouldBeFalse();
        (await watch.PlacesHoldingAsync(secretCanary)).ShouldBeEmpty();
    }
}
