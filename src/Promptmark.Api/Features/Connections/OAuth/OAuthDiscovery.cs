using System.Net;
using System.Text.Json;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Connections.OAuth;

/// <summary>
/// The authorization server a connection's MCP server sends its users to, and what to ask it for;
/// <paramref name="AcceptsClientMetadataDocuments"/> when its metadata says <c>client_id_metadata_document_supported</c>;
/// <paramref name="TakesSecretInForm"/> when its token endpoint takes a client secret as client_secret_post only.
/// </summary>
public sealed record OAuthTarget(
    string Issuer, Uri AuthorizationEndpoint, Uri TokenEndpoint, Uri? RegistrationEndpoint, string Resource, string? Scope,
    bool AcceptsClientMetadataDocuments, bool TakesSecretInForm);

/// <summary>
/// Finds where to sign in, as the MCP authorization spec asks a client to: the server's 401 challenge names its
/// protected resource metadata (RFC 9728), or the well-known URLs do; that metadata names the authorization server,
/// whose own metadata (RFC 8414, or OpenID discovery) gives the endpoints. A server that asks for a token but
/// publishes no resource metadata is signed in to as the 2025-03-26 spec said: the authorization server metadata at its
/// origin, or else the default endpoints there (/authorize, /token, /register). Only servers that offer PKCE S256 qualify.
/// </summary>
public sealed class OAuthDiscovery(OAuthHttp http)
{
    private const string InitializeProbe =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"promptmark","version":"1"}}}""";

    public async Task<OAuthTarget> DiscoverAsync(Uri serverUrl, CancellationToken ct)
    {
        var probe = await http.PostJsonAsync(serverUrl, InitializeProbe, ct);
        var challenge = BearerChallenge.Parameters(probe.Challenge);
        if (await ResourceMetadataAsync(serverUrl, challenge.GetValueOrDefault("resource_metadata"), ct) is not { } resource)
            return probe.Status == HttpStatusCode.Unauthorized
                ? await FromOriginAsync(serverUrl, challenge.GetValueOrDefault("scope"), ct)
                : throw Unusable("the server publishes no OAuth protected resource metadata (it may not support OAuth sign-in)");

        var resourceId = Text(resource, "resource");
        if (resourceId is null || !Uri.TryCreate(resourceId, UriKind.Absolute, out var resourceUri) || !SameOrigin(resourceUri, serverUrl))
            throw Unusable("the server's protected resource metadata does not name this server as its resource");
        var issuer = resource.TryGetProperty("authorization_servers", out var servers) && servers.ValueKind == JsonValueKind.Array
            ? servers.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.String ? s.GetString() : null).FirstOrDefault(s => s is not null)
            : null;
        if (issuer is null) throw Unusable("the server's protected resource metadata names no authorization server");

        var server = await ServerMetadataAsync(issuer, ct);
        return Target(issuer, server, resourceId, challenge.GetValueOrDefault("scope") ?? Scopes(resource));
    }

    /// <summary>
    /// The 2025-03-26 discovery, for a server without resource metadata: the authorization server's metadata at the
    /// server's origin (its issuer on that origin too), else the default endpoints there. The resource is the server's URL.
    /// </summary>
    private async Task<OAuthTarget> FromOriginAsync(Uri serverUrl, string? scope, CancellationToken ct)
    {
        var origin = serverUrl.GetLeftPart(UriPartial.Authority);
        var answer = await http.GetAsync(http.Checked($"{origin}/.well-known/oauth-authorization-server", "authorization server metadata URL"), ct);
        if (answer is not { IsSuccess: true, Json: { } server })
            return new OAuthTarget(origin, http.Checked($"{origin}/authorize", "authorization endpoint"), http.Checked($"{origin}/token", "token endpoint"),
                http.Checked($"{origin}/register", "registration endpoint"), serverUrl.AbsoluteUri, scope, AcceptsClientMetadataDocuments: false, TakesSecretInForm: false);
        if (Text(server, "issuer") is not { } issuer || !Uri.TryCreate(issuer, UriKind.Absolute, out var issuerUrl) || !SameOrigin(issuerUrl, serverUrl))
            throw Unusable("the authorization server's metadata at the server's origin names an issuer elsewhere");
        RequireS256(server);
        return Target(issuer, server, serverUrl.AbsoluteUri, scope);
    }

    private OAuthTarget Target(string issuer, JsonElement server, string resource, string? scope) =>
        new(issuer,
            http.Checked(Text(server, "authorization_endpoint"), "authorization endpoint"),
            http.Checked(Text(server, "token_endpoint"), "token endpoint"),
            Text(server, "registration_endpoint") is { } registration ? http.Checked(registration, "registration endpoint") : null,
            resource, scope,
            server.TryGetProperty("client_id_metadata_document_supported", out var documents) && documents.ValueKind == JsonValueKind.True,
            TakesSecretInForm(server));

    private async Task<JsonElement?> ResourceMetadataAsync(Uri serverUrl, string? fromChallenge, CancellationToken ct)
    {
        var candidates = fromChallenge is not null
            ? [fromChallenge]
            : WellKnown(serverUrl, "oauth-protected-resource").Distinct().ToArray();
        foreach (var candidate in candidates)
        {
            var answer = await http.GetAsync(http.Checked(candidate, "protected resource metadata URL"), ct);
            if (answer is { IsSuccess: true, Json: { } json }) return json;
        }
        return null;
    }

    private async Task<JsonElement> ServerMetadataAsync(string issuer, CancellationToken ct)
    {
        var issuerUrl = http.Checked(issuer, "authorization server");
        var path = issuerUrl.AbsolutePath.TrimEnd('/');
        string[] candidates =
        [
            .. WellKnown(issuerUrl, "oauth-authorization-server", orRoot: false), .. WellKnown(issuerUrl, "openid-configuration", orRoot: false),
            $"{issuerUrl.GetLeftPart(UriPartial.Authority)}{path}/.well-known/openid-configuration",
        ];
        foreach (var candidate in candidates.Distinct())
        {
            var answer = await http.GetAsync(http.Checked(candidate, "authorization server metadata URL"), ct);
            if (answer is not { IsSuccess: true, Json: { } json }) continue;
            if (Text(json, "issuer")?.TrimEnd('/') != issuer.TrimEnd('/'))
                throw Unusable("the authorization server's metadata names another issuer");
            RequireS256(json);
            return json;
        }
        throw Unusable("the authorization server publishes no metadata");
    }

    /// <summary>
    /// RFC 8615 placement: the well-known segment goes between the origin and the path. The root document is the
    /// fallback for a protected resource (RFC 9728), never for an issuer with a path (RFC 8414): that is another issuer's.
    /// </summary>
    private static IEnumerable<string> WellKnown(Uri url, string name, bool orRoot = true)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        var path = url.AbsolutePath.TrimEnd('/');
        if (path.Length > 0) yield return $"{origin}/.well-known/{name}{path}";
        if (path.Length == 0 || orRoot) yield return $"{origin}/.well-known/{name}";
    }

    private static void RequireS256(JsonElement server)
    {
        if (!server.TryGetProperty("code_challenge_methods_supported", out var methods) || methods.ValueKind != JsonValueKind.Array
            || !methods.EnumerateArray().Any(m => m.ValueKind == JsonValueKind.String && m.GetString() == "S256"))
            throw Unusable("the authorization server does not offer PKCE with S256");
    }

    /// <summary>RFC 8414: without <c>token_endpoint_auth_methods_supported</c>, client_secret_basic is the default.</summary>
    private static bool TakesSecretInForm(JsonElement server) =>
        server.TryGetProperty("token_endpoint_auth_methods_supported", out var methods) && methods.ValueKind == JsonValueKind.Array
        && methods.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString() : null).ToList() is var names
        && !names.Contains("client_secret_basic") && names.Contains("client_secret_post");

    private static string? Scopes(JsonElement resource) =>
        resource.TryGetProperty("scopes_supported", out var scopes) && scopes.ValueKind == JsonValueKind.Array
            ? string.Join(' ', scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString())) is { Length: > 0 } joined ? joined : null
            : null;

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static UnprocessableException Unusable(string why) => new($"OAuth sign-in is not possible: {why}");
}
