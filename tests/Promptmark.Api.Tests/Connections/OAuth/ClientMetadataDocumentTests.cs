using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections.OAuth;

/// <summary>
/// Promptmark as a client that names itself by URL: it serves its client metadata document on its public origin
/// (<c>Promptmark:PublicOrigin</c>, https://localhost here), and "Sign in with OAuth" uses that URL as its client_id,
/// without registering, where the authorization server advertises client ID metadata documents and the callback page is
/// the document's. The test server "fetches" the document from the app under test.
/// </summary>
public sealed class ClientMetadataDocumentTests(PromptmarkApp app) : IAsyncLifetime
{
    private const string DocumentUrl = "https://localhost/oauth/client-metadata.json";

    private readonly LeakWatch watch = new(app);
    private OAuthProtectedServer server = null!;

    public async ValueTask InitializeAsync()
    {
        server = await OAuthProtectedServer.StartAsync();
        server.ClientMetadataDocuments = FetchFromAppAsync;
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task the_document_is_served_anonymously_and_describes_a_public_client()
    {
        var document = await FetchFromAppAsync(new Uri(DocumentUrl));

        document.Str("client_id").ShouldBe(DocumentUrl);
        document.Str("client_name").ShouldBe("Promptmark");
        document.Str("client_uri").ShouldBe("https://localhost/");
        document.GetProperty("redirect_uris").EnumerateArray().Select(u => u.GetString()).ShouldBe([OAuthBrowser.PublicCallbackPage]);
        document.GetProperty("grant_types").EnumerateArray().Select(g => g.GetString()).ShouldBe(["authorization_code", "refresh_token"]);
        document.Str("token_endpoint_auth_method").ShouldBe("none");
    }

    [Fact]
    public async Task signing_in_from_the_public_origin_uses_the_document_url_as_client_id_and_registers_nothing()
    {
        var user = await app.NewUserAsync();
        var browser = new OAuthBrowser(watch, user);
        var id = await app.CreateConnectionAsync(user, server.McpUrl);

        var authorizationUrl = await browser.StartAsync(id, callbackPage: OAuthBrowser.PublicCallbackPage);
        QueryHelpers.ParseQuery(authorizationUrl.Query)["client_id"].ToString().ShouldBe(DocumentUrl);
        var signedIn = await browser.CallbackAsync(await OAuthBrowser.AuthorizeAsync(authorizationUrl, OAuthBrowser.PublicCallbackPage));

        signedIn.GetProperty("ok").GetBoolean().ShouldBeTrue(signedIn.GetRawText());
        signedIn.GetProperty("connection").Str("status").ShouldBe("connected");
        server.Registrations.ShouldBe(0);
    }

    [Fact]
    public async Task a_callback_page_the_document_does_not_list_falls_back_to_dynamic_registration()
    {
        var user = await app.NewUserAsync();
        var browser = new OAuthBrowser(watch, user);
        var id = await app.CreateConnectionAsync(user, server.McpUrl);

        var authorizationUrl = await browser.StartAsync(id);
        QueryHelpers.ParseQuery(authorizationUrl.Query)["client_id"].ToString().ShouldNotBe(DocumentUrl);
        var signedIn = await browser.CallbackAsync(await OAuthBrowser.AuthorizeAsync(authorizationUrl));

        signedIn.GetProperty("ok").GetBoolean().ShouldBeTrue(signedIn.GetRawText());
        server.Registrations.ShouldBe(1);
    }

    /// <summary>What an authorization server does with a URL client_id: an anonymous GET (here, of the app under test by path).</summary>
    private async Task<JsonElement> FetchFromAppAsync(Uri documentUrl)
    {
        using var http = app.Host.Server.CreateClient();
        using var answer = await http.GetAsync(documentUrl.AbsolutePath, TestContext.Current.CancellationToken);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }
}
