using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections.OAuth;

/// <summary>
/// What the user's browser and the web app's callback page do in "Sign in with OAuth": start the sign-in, open the
/// authorization URL, get sent back to the callback page, and hand its query to the API.
/// </summary>
public sealed class OAuthBrowser(LeakWatch watch, TestUser user)
{
    public const string CallbackPage = "http://localhost/connections/oauth/callback";

    /// <summary>The callback page on the public origin the test app is configured with (<c>Promptmark:PublicOrigin</c>).</summary>
    public const string PublicCallbackPage = "https://localhost/connections/oauth/callback";

    public async Task<Uri> StartAsync(string connectionId, int expect = 200, string callbackPage = CallbackPage)
    {
        var started = await watch.SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{connectionId}/oauth/start", new { redirect_uri = callbackPage }, expect);
        return expect == 200 ? new Uri(started.Str("authorization_url")) : null!;
    }

    /// <summary>Opens the authorization URL and returns the query the browser is sent back to the callback page with.</summary>
    public static async Task<Dictionary<string, string>> AuthorizeAsync(Uri authorizationUrl, string callbackPage = CallbackPage)
    {
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var answer = await browser.GetAsync(authorizationUrl, TestContext.Current.CancellationToken);
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var back = answer.Headers.Location!;
        back.GetLeftPart(UriPartial.Path).ShouldBe(callbackPage);
        return QueryHelpers.ParseQuery(back.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public Task<JsonElement> CallbackAsync(Dictionary<string, string> query, int expect = 200) =>
        watch.SendAsync(user, HttpMethod.Post, "/api/mcp/connections/oauth/callback", query, expect);

    /// <summary>The whole round: start, approve, come back; the callback's answer (the connection, tested).</summary>
    public async Task<JsonElement> SignInAsync(string connectionId) => await CallbackAsync(await AuthorizeAsync(await StartAsync(connectionId)));
}
