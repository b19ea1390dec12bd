using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.OAuth;

/// <summary>
/// The steps of an OAuth client, spoken over HTTP to the test server: register (RFC 7591), authorize with PKCE, have
/// the user approve on the consent endpoint (as the consent page would post it), and redeem or refresh at the token endpoint.
/// </summary>
public sealed class OAuthDance(PromptmarkApp app)
{
    public const string RedirectUri = "http://127.0.0.1:7719/callback";
    public string Verifier { get; } = Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Challenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    public async Task<string> RegisterAsync(string name = "Test client")
    {
        using var http = Client();
        var response = await http.PostAsJsonAsync("/oauth/register", new { client_name = name, redirect_uris = new[] { RedirectUri } }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("client_id").GetString()!;
    }

    public string AuthorizeUrl(string clientId, string? resource = "http://localhost/mcp", string method = "S256", string scope = "read write execute") =>
        QueryHelpers.AddQueryString("http://localhost/oauth/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = clientId, ["redirect_uri"] = RedirectUri, ["scope"] = scope, ["state"] = "s1",
            ["code_challenge"] = method == "S256" ? Challenge : Verifier, ["code_challenge_method"] = method, ["resource"] = resource,
        }.Where(p => p.Value is not null));

    /// <summary>Follows the authorization URL to the consent page and approves as <paramref name="user"/>; the redirect back, parsed.</summary>
    public async Task<Dictionary<string, string>> ApproveAsync(TestUser user, Uri authorizationUrl, string decision = "approve")
    {
        using var http = Client();
        var toConsent = await http.GetAsync(authorizationUrl, TestContext.Current.CancellationToken);
        if (toConsent.StatusCode != HttpStatusCode.Redirect || toConsent.Headers.Location!.OriginalString.StartsWith(RedirectUri))
            return Parse(toConsent);
        toConsent.Headers.Location!.OriginalString.ShouldStartWith("/authorize?");
        var form = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), toConsent.Headers.Location).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        form["consent"] = decision;
        using var approve = new HttpRequestMessage(HttpMethod.Post, "/oauth/authorize") { Content = new FormUrlEncodedContent(form) };
        approve.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        return Parse(await http.SendAsync(approve, TestContext.Current.CancellationToken));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(Dictionary<string, string> form)
    {
        using var http = Client();
        var response = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));
    }

    /// <summary>The whole dance for <paramref name="user"/>: a registered client and its first token response.</summary>
    public async Task<(string ClientId, JsonElement Tokens)> SignInAsync(TestUser user, string scope = "read write execute")
    {
        var clientId = await RegisterAsync();
        var callback = await ApproveAsync(user, new Uri(AuthorizeUrl(clientId, scope: scope)));
        var (status, tokens) = await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = callback["code"], ["redirect_uri"] = RedirectUri,
            ["client_id"] = clientId, ["code_verifier"] = Verifier,
        });
        status.ShouldBe(HttpStatusCode.OK, tokens.GetRawText());
        return (clientId, tokens);
    }

    /// <summary>One JSON-RPC message posted to <c>/mcp</c> with <paramref name="accessToken"/>, as a client without an SDK would.</summary>
    public async Task<HttpResponseMessage> PostMcpAsync(string accessToken, string json)
    {
        using var http = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private HttpClient Client() => app.Host.Server.CreateClient();

    /// <summary>
    /// The parameters of the redirect back to the client or, for an error OpenIddict may not redirect (the request was
    /// refused before its redirect_uri was accepted; 401 for an unknown or refused client), of the error page's
    /// <c>name:value</c> lines.
    /// </summary>
    private static Dictionary<string, string> Parse(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
            return response.Content.ReadAsStringAsync().GetAwaiter().GetResult().Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(':', 2)).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim());
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith(RedirectUri);
        return QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
