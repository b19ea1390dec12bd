using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Promptmark.Bench;

/// <summary>
/// One connection of a hosted MCP client (as Claude.ai's) to Promptmark's <c>/mcp</c>, spoken in plain HTTP so that every
/// round trip is seen: the 401 challenge, discovery (RFC 9728, RFC 8414), dynamic registration (RFC 7591), the
/// authorization request with PKCE S256 and <c>resource</c>, the user's approval (posted as the consent page posts it,
/// with the signed-in user's token), the code exchange, the first MCP calls, a refresh with rotation and revocation (RFC 7009).
/// Each phase checks its answer and keeps what the next one needs; a new instance is a new client registration.
/// </summary>
public sealed partial class HostedOAuthClient(HttpClient http, Uri mcp, BenchSession user)
{
    /// <summary>Never dialled: the code is read from the authorization endpoint's redirect, as the client's callback would.</summary>
    private const string RedirectUri = "http://127.0.0.1/oauth/callback";

    private readonly string _verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
    private readonly string _state = Base64Url(RandomNumberGenerator.GetBytes(8));
    private string _resourceMetadata = "", _clientId = "", _code = "", _accessToken = "", _refreshToken = "";
    private JsonElement _server;

    /// <summary>The phases in order; the first six are what the user waits for before the first tool call answers.</summary>
    public static readonly IReadOnlyList<(string Name, Func<HostedOAuthClient, Task> Run)> Phases =
    [
        ("1. `POST /mcp` without a token → 401 + `resource_metadata`", c => c.ChallengeAsync()),
        ("2. protected resource metadata, then authorization server metadata", c => c.DiscoverAsync()),
        ("3. dynamic client registration", c => c.RegisterAsync()),
        ("4. authorization request (PKCE S256, `resource`), consent, redirect with the code", c => c.AuthorizeAsync()),
        ("5. token exchange", c => c.RedeemCodeAsync()),
        ("6. MCP `initialize`, `notifications/initialized`, `tools/call get_prompt`", c => c.FirstToolCallAsync()),
        ("7. refresh-token grant (rotation)", c => c.RefreshAsync()),
        ("8. revocation", c => c.RevokeAsync()),
    ];

    public const int PhasesToFirstToolCall = 6;

    private async Task ChallengeAsync()
    {
        using var response = await PostMcpAsync(Initialize, token: null, session: null);
        if (response.StatusCode != HttpStatusCode.Unauthorized) throw Unexpected("POST /mcp without a token", response);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        _resourceMetadata = ResourceMetadataParameter().Match(challenge) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"The 401 challenge names no resource_metadata: {challenge}");
    }

    private async Task DiscoverAsync()
    {
        var resource = await GetJsonAsync(_resourceMetadata);
        if (resource.GetProperty("resource").GetString() != mcp.ToString())
            throw new InvalidOperationException($"The protected resource metadata describes {resource.GetProperty("resource")}, not {mcp}.");
        // RFC 8414 §3: the well-known suffix goes between the issuer's host and its path (empty here).
        var issuer = new Uri(resource.GetProperty("authorization_servers")[0].GetString()!);
        _server = await GetJsonAsync(new Uri(issuer, "/.well-known/oauth-authorization-server" + issuer.AbsolutePath.TrimEnd('/')).ToString());
        if (!_server.GetProperty("code_challenge_methods_supported").EnumerateArray().Any(m => m.GetString() == "S256"))
            throw new InvalidOperationException("The authorization server does not offer PKCE S256.");
    }

    private async Task RegisterAsync()
    {
        using var response = await http.PostAsJsonAsync(Endpoint("registration_endpoint"),
            new { client_name = "Bench hosted client", redirect_uris = new[] { RedirectUri } });
        if (response.StatusCode != HttpStatusCode.Created) throw Unexpected("registration", response);
        _clientId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client_id").GetString()!;
    }

    private async Task AuthorizeAsync()
    {
        var authorize = Endpoint("authorization_endpoint");
        var request = QueryHelpers.AddQueryString(authorize, new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = _clientId, ["redirect_uri"] = RedirectUri, ["scope"] = "read write execute",
            ["state"] = _state, ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(_verifier))),
            ["code_challenge_method"] = "S256", ["resource"] = mcp.ToString(),
        });
        using var toConsent = await http.GetAsync(request);
        var consentPage = RedirectedTo(toConsent, "the authorization request");
        // The consent page posts the parameters it was sent with, and the user's decision.
        var form = QueryHelpers.ParseQuery(consentPage.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        form["consent"] = "approve";
        using var approve = new HttpRequestMessage(HttpMethod.Post, authorize) { Content = new FormUrlEncodedContent(form) };
        approve.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        using var approved = await http.SendAsync(approve);
        var callback = QueryHelpers.ParseQuery(RedirectedTo(approved, "the approval").Query);
        if (callback["state"] != _state) throw new InvalidOperationException("The redirect came back with another state.");
        _code = callback.TryGetValue("code", out var code) ? code.ToString() : throw new InvalidOperationException($"The redirect carries no code: {approved.Headers.Location}");
    }

    private Task RedeemCodeAsync() => TokensAsync(new()
    {
        ["grant_type"] = "authorization_code", ["code"] = _code, ["redirect_uri"] = RedirectUri, ["client_id"] = _clientId, ["code_verifier"] = _verifier,
    });

    private async Task FirstToolCallAsync()
    {
        string session;
        using (var initialized = await PostMcpAsync(Initialize, _accessToken, session: null))
        {
            await ReadResultAsync(initialized, "initialize");
            session = initialized.Headers.GetValues("Mcp-Session-Id").Single();
        }
        using (var notified = await PostMcpAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", _accessToken, session))
            if (notified.StatusCode != HttpStatusCode.Accepted) throw Unexpected("notifications/initialized", notified);
        var call = JsonSerializer.Serialize(new
        {
            jsonrpc = "2.0", id = 2, method = "tools/call", @params = new { name = "get_prompt", arguments = new { id = user.PromptId } },
        });
        using var called = await PostMcpAsync(call, _accessToken, session);
        var result = await ReadResultAsync(called, "tools/call get_prompt");
        if (result.TryGetProperty("isError", out var isError) && isError.GetBoolean()) throw new InvalidOperationException($"get_prompt failed: {result}");
    }

    private async Task RefreshAsync()
    {
        var previous = _refreshToken;
        await TokensAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = _refreshToken, ["client_id"] = _clientId });
        if (_refreshToken == previous) throw new InvalidOperationException("The refresh token was not rotated.");
    }

    private async Task RevokeAsync()
    {
        using var response = await http.PostAsync(Endpoint("revocation_endpoint"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = _refreshToken, ["token_type_hint"] = "refresh_token", ["client_id"] = _clientId,
        }));
        if (response.StatusCode != HttpStatusCode.OK) throw Unexpected("revocation", response);
    }

    private async Task TokensAsync(Dictionary<string, string> form)
    {
        using var response = await http.PostAsync(Endpoint("token_endpoint"), new FormUrlEncodedContent(form));
        if (response.StatusCode != HttpStatusCode.OK) throw Unexpected($"the {form["grant_type"]} grant", response);
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
        _accessToken = tokens.GetProperty("access_token").GetString()!;
        _refreshToken = tokens.GetProperty("refresh_token").GetString()!;
    }

    private static string Initialize => """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench-hosted-client","version":"1"}}}""";

    private async Task<HttpResponseMessage> PostMcpAsync(string json, string? token, string? session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, mcp) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (session is not null)
        {
            request.Headers.Add("Mcp-Session-Id", session);
            request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        }
        return await http.SendAsync(request);
    }

    /// <summary>The JSON-RPC result of a Streamable HTTP answer, sent as JSON or as an event stream's data line.</summary>
    private static async Task<JsonElement> ReadResultAsync(HttpResponseMessage response, string what)
    {
        if (response.StatusCode != HttpStatusCode.OK) throw Unexpected(what, response);
        var body = await response.Content.ReadAsStringAsync();
        var json = body.StartsWith('{') ? body : body.Split('\n').First(line => line.StartsWith("data:", StringComparison.Ordinal))[5..];
        var message = JsonDocument.Parse(json).RootElement;
        return message.TryGetProperty("result", out var result) ? result : throw new InvalidOperationException($"{what} answered {json}");
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await http.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK) throw Unexpected($"GET {url}", response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private string Endpoint(string name) => _server.GetProperty(name).GetString()!;

    private static Uri RedirectedTo(HttpResponseMessage response, string what) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
            ? new Uri(response.RequestMessage!.RequestUri!, location)
            : throw Unexpected(what, response);

    private static InvalidOperationException Unexpected(string what, HttpResponseMessage response) =>
        new($"{what} answered {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("resource_metadata=\"([^\"]+)\"")]
    private static partial Regex ResourceMetadataParameter();
}
