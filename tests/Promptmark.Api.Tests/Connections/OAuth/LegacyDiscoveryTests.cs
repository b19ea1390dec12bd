using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections.OAuth;

/// <summary>
/// "Sign in with OAuth" with a server that follows the 2025-03-26 spec: no protected resource metadata, so the
/// authorization server's metadata is taken from the server's origin, or, without any, its default endpoints there.
/// </summary>
public sealed class LegacyDiscoveryTests(PromptmarkApp app) : IAsyncLifetime
{
    private readonly LeakWatch watch = new(app);
    private OAuthProtectedServer server = null!;

    public async ValueTask InitializeAsync() => server = await OAuthProtectedServer.StartAsync();

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData(OAuthDiscoveryStyle.OriginMetadata, "as/authorize")]
    [InlineData(OAuthDiscoveryStyle.DefaultEndpoints, "authorize")]
    public async Task a_server_without_resource_metadata_is_signed_in_to_from_its_origin(OAuthDiscoveryStyle style, string authorizePath)
    {
        server.Discovery = style;
        var user = await app.NewUserAsync();
        var browser = new OAuthBrowser(watch, user);
        var id = await app.CreateConnectionAsync(user, server.McpUrl);

        var authorizationUrl = await browser.StartAsync(id);
        authorizationUrl.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(server.Base, authorizePath).AbsoluteUri);
        var signedIn = await browser.CallbackAsync(await OAuthBrowser.AuthorizeAsync(authorizationUrl));

        signedIn.GetProperty("connection").Str("status").ShouldBe("connected", signedIn.GetRawText());
        server.Registrations.ShouldBe(1);
        var echo = await watch.SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{id}/tools/echo/execute", new { arguments = new { text = "hi" } }, 200);
        echo.ResultText().ShouldBe("hi");
    }
}
