using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Connections.OAuth;

/// <summary>A token response; <see cref="ExpiresIn"/> is null when the server did not say.</summary>
public sealed record TokenGrant(string AccessToken, string? RefreshToken, TimeSpan? ExpiresIn);

/// <summary>
/// Redeems an authorization code and refreshes tokens (RFC 6749 §4.1.3, §6) for the resource (RFC 8707). A 4xx answer
/// is a refusal (null): the grant is no longer good. Anything else that is not a token is a <see cref="BadGatewayException"/>.
/// </summary>
public sealed class OAuthTokenEndpoint(OAuthHttp http)
{
    public Task<TokenGrant?> RedeemAsync(ConnectionOAuth oauth, string? clientSecret, string code, string verifier, CancellationToken ct) =>
        RequestAsync(oauth, clientSecret, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = oauth.RedirectUri, ["code_verifier"] = verifier,
        }, ct);

    public Task<TokenGrant?> RefreshAsync(ConnectionOAuth oauth, string? clientSecret, string refreshToken, CancellationToken ct) =>
        RequestAsync(oauth, clientSecret, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, ct);

    private async Task<TokenGrant?> RequestAsync(ConnectionOAuth oauth, string? clientSecret, Dictionary<string, string> form, CancellationToken ct)
    {
        form["client_id"] = oauth.ClientId;
        form["resource"] = oauth.Resource;
        AuthenticationHeaderValue? basic = null;
        if (clientSecret is not null && oauth.ClientSecretInHeader) basic = Basic(oauth.ClientId, clientSecret);
        else if (clientSecret is not null) form["client_secret"] = clientSecret;
        var answer = await http.PostFormAsync(http.Checked(oauth.TokenEndpoint, "token endpoint"), form, ct, basic);
        if ((int)answer.Status is >= 400 and < 500) return null;
        if (answer is not { IsSuccess: true, Json: { } json } || Text(json, "access_token") is not { Length: > 0 } access)
            throw new BadGatewayException($"OAuth sign-in failed: the token endpoint answered {(int)answer.Status} without a token");
        var expiresIn = json.TryGetProperty("expires_in", out var e) && e.TryGetInt64(out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        return new TokenGrant(access, Text(json, "refresh_token"), expiresIn);
    }

    /// <summary>RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined and base64-encoded.</summary>
    private static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{WebUtility.UrlEncode(clientId)}:{WebUtility.UrlEncode(secret)}")));

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
