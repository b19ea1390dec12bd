using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.OAuth;

/// <summary>
/// Clients that use the URL of their Client ID Metadata Document as client_id, the document served by a small web
/// server on loopback (the tests allowlist 127.0.0.1 for outbound calls).
/// </summary>
public sealed class ClientMetadataDocumentTests(PromptmarkApp app)
{
    private readonly OAuthDance _dance = new(app);

    // The SDK's client takes only an https document URL, and a loopback test server has no certificate our egress
    // trusts: the client here is OAuthDance, speaking the same requests.
    [Fact]
    public async Task a_client_signs_in_with_its_document_url_as_client_id_and_the_consent_page_shows_the_document()
    {
        await using var document = await DocumentServer.StartAsync(url => Document(url));
        var clientId = document.Url.ToString();
        var user = await app.NewUserAsync();

        var consent = await app.GetAsync(user, "/api/oauth/clients/" + Uri.EscapeDataString(clientId));
        consent.GetProperty("client_id").GetString().ShouldBe(clientId);
        consent.GetProperty("name").GetString().ShouldBe("Document client");
        consent.GetProperty("client_uri").GetString().ShouldBe("https://client.example/about");
        consent.GetProperty("redirect_uris")[0].GetString().ShouldBe(OAuthDance.RedirectUri);

        var callback = await _dance.ApproveAsync(user, new Uri(_dance.AuthorizeUrl(clientId)));
        var (status, tokens) = await _dance.TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = callback["code"], ["redirect_uri"] = OAuthDance.RedirectUri,
            ["client_id"] = clientId, ["code_verifier"] = _dance.Verifier,
        });
        status.ShouldBe(HttpStatusCode.OK, tokens.GetRawText());
        await using (var client = await app.McpClientAsync(user with { Token = tokens.GetProperty("access_token").GetString()! }))
            (await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken).Bounded()).ShouldContain(tool => tool.Name == "list_prompts");
        var refreshed = await _dance.TokenAsync(new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!, ["client_id"] = clientId,
        });
        refreshed.Status.ShouldBe(HttpStatusCode.OK, refreshed.Body.GetRawText());
        (await app.GetAsync(user, "/api/oauth/grants")).GetRawText().ShouldContain("Document client");
    }

    [Fact]
    public async Task a_document_that_names_another_client_id_is_refused()
    {
        await using var document = await DocumentServer.StartAsync(_ => Document("https://client.example/other.json"));
        (await RefusalAsync(document.Url.ToString())).ShouldContain("client_id is not the URL it was fetched from");
    }

    [Fact]
    public async Task a_redirect_uri_the_document_does_not_list_is_refused()
    {
        await using var document = await DocumentServer.StartAsync(url => Document(url, redirectUri: "http://127.0.0.1:7720/elsewhere"));
        (await RefusalAsync(document.Url.ToString())).ShouldContain("not among the redirect_uris of the client's metadata document");
    }

    [Fact]
    public async Task a_confidential_client_document_is_refused()
    {
        await using var document = await DocumentServer.StartAsync(url => Document(url, authMethod: "client_secret_basic"));
        (await RefusalAsync(document.Url.ToString())).ShouldContain("token_endpoint_auth_method 'client_secret_basic' is not supported");
    }

    [Fact]
    public async Task a_plain_http_document_url_on_a_host_not_allowlisted_is_refused_before_any_request()
    {
        await using var document = await DocumentServer.StartAsync(url => Document(url));
        var notAllowlisted = $"http://localhost:{document.Url.Port}/client.json";
        (await RefusalAsync(notAllowlisted)).ShouldContain("must use https");
        document.Fetches.ShouldBe(0);
    }

    [Fact]
    public async Task a_document_is_kept_as_its_cache_headers_say()
    {
        var serving = "kept";
        await using var kept = await DocumentServer.StartAsync(url => serving == "kept" ? Document(url) : Document("https://client.example/changed.json"),
            cacheControl: "public, max-age=600");
        (await _dance.ApproveAsync(await app.NewUserAsync(), new Uri(_dance.AuthorizeUrl(kept.Url.ToString())))).ShouldContainKey("code");
        serving = "changed";
        (await _dance.ApproveAsync(await app.NewUserAsync(), new Uri(_dance.AuthorizeUrl(kept.Url.ToString())))).ShouldContainKey("code");
        kept.Fetches.ShouldBe(1);

        var fresh = "good";
        await using var unkept = await DocumentServer.StartAsync(url => fresh == "good" ? Document(url) : Document("https://client.example/changed.json"),
            cacheControl: "no-store");
        (await _dance.ApproveAsync(await app.NewUserAsync(), new Uri(_dance.AuthorizeUrl(unkept.Url.ToString())))).ShouldContainKey("code");
        fresh = "changed";
        (await RefusalAsync(unkept.Url.ToString())).ShouldContain("client_id is not the URL it was fetched from");
    }

    /// <summary>The error_description of an authorization request for <paramref name="clientId"/>, which must be refused.</summary>
    private async Task<string> RefusalAsync(string clientId)
    {
        var answer = await _dance.ApproveAsync(await app.NewUserAsync(), new Uri(_dance.AuthorizeUrl(clientId)));
        answer.ShouldNotContainKey("code");
        answer["error"].ShouldBe("invalid_client");
        return answer["error_description"];
    }

    private static object Document(string clientId, string redirectUri = OAuthDance.RedirectUri, string authMethod = "none") => new
    {
        client_id = clientId,
        client_name = "Document client",
        client_uri = "https://client.example/about",
        redirect_uris = new[] { redirectUri },
        grant_types = new[] { "authorization_code", "refresh_token" },
        response_types = new[] { "code" },
        token_endpoint_auth_method = authMethod,
    };

    /// <summary>Serves one client metadata document at <see cref="Url"/>, built for that URL, and counts the fetches.</summary>
    private sealed class DocumentServer(LoopbackListener listener, Counter fetches) : IAsyncDisposable
    {
        public Uri Url => listener.At("/oauth/client.json");
        public int Fetches => fetches.Value;

        public static async Task<DocumentServer> StartAsync(Func<string, object> document, string? cacheControl = null)
        {
            var fetches = new Counter();
            LoopbackListener? listener = null;
            listener = await LoopbackListener.StartAsync(async context =>
            {
                Interlocked.Increment(ref fetches.Value);
                if (cacheControl is not null) context.Response.Headers.CacheControl = cacheControl;
                await context.Response.WriteAsJsonAsync(document(listener!.At("/oauth/client.json").ToString()), JsonSerializerOptions.Web);
            });
            return new DocumentServer(listener, fetches);
        }

        public ValueTask DisposeAsync() => listener.DisposeAsync();
    }

    private sealed class Counter
    {
        public int Value;
    }
}
