using System.Text.Json;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Hosting;

namespace Promptmark.Api.Features.Connections.OAuth;

/// <summary>
/// A client registered at an authorization server; the secret only when the server insisted on issuing one, sent in a
/// Basic header unless the server registered it for the form (RFC 7591: client_secret_basic is the default).
/// </summary>
public sealed record RegisteredClient(string ClientId, string? ClientSecret, bool SecretInHeader);

/// <summary>Registers Promptmark as a public client (no secret, PKCE) by RFC 7591 dynamic client registration.</summary>
public sealed class OAuthRegistration(OAuthHttp http)
{
    public async Task<RegisteredClient> RegisterAsync(OAuthTarget target, string redirectUri, CancellationToken ct)
    {
        if (target.RegistrationEndpoint is not { } endpoint)
            throw new UnprocessableException("OAuth sign-in is not possible: the authorization server offers no dynamic client registration");
        var request = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["client_name"] = "Promptmark",
            ["software_version"] = PromptmarkServices.Version,
            ["redirect_uris"] = new[] { redirectUri },
            ["grant_types"] = new[] { "authorization_code", "refresh_token" },
            ["response_types"] = new[] { "code" },
            ["token_endpoint_auth_method"] = "none",
        });
        var answer = await http.PostJsonAsync(endpoint, request, ct);
        if (!answer.IsSuccess || answer.Json is not { } json
            || !json.TryGetProperty("client_id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } clientId)
            throw new BadGatewayException($"OAuth sign-in failed: client registration was refused ({(int)answer.Status})");
        var secret = json.TryGetProperty("client_secret", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var method = json.TryGetProperty("token_endpoint_auth_method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        return new RegisteredClient(clientId, secret, SecretInHeader: method != "client_secret_post");
    }
}
