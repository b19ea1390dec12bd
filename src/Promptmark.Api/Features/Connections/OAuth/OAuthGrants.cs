using System.Text.Json;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections.OAuth;

/// <summary>
/// Keeps a connection's OAuth tokens as its sealed credentials (auth type <c>oauth</c>, a JSON object with
/// <c>access_token</c> and <c>refresh_token</c>) and the access token's expiry as its token expiry.
/// </summary>
public sealed class OAuthGrants(ConnectionSecrets secrets, TimeProvider clock)
{
    public const string ClientSecretField = "oauth_client_secret";
    public const string VerifierField = "oauth_code_verifier";

    public void Apply(McpConnection connection, Guid userId, TokenGrant grant)
    {
        var credentials = JsonSerializer.Serialize(new Dictionary<string, string?> { ["access_token"] = grant.AccessToken, ["refresh_token"] = grant.RefreshToken });
        var errors = new InputErrors();
        ConnectionCredentials.Validate(ConnectionAuthTypes.OAuth, credentials, errors);
        if (errors.Any) throw new BadGatewayException("OAuth sign-in failed: the token endpoint issued a token that cannot be sent in a header");

        connection.AuthType = ConnectionAuthTypes.OAuth;
        secrets.Store(connection, userId, credentials);
        connection.TokenExpiresAt = grant.ExpiresIn is { } lifetime ? clock.GetUtcNow() + lifetime : null;
        if (connection.Status == ConnectionStatus.ReauthorizationNeeded)
        {
            connection.Status = ConnectionStatus.NeverConnected;
            connection.LastError = null;
        }
        connection.Revision++;
    }

    public string? RefreshToken(McpConnection connection, Guid userId)
    {
        using var json = JsonDocument.Parse(secrets.Open(connection, userId) ?? "{}");
        return json.RootElement.TryGetProperty("refresh_token", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
    }

    public string? ClientSecret(McpConnection connection, Guid userId) =>
        secrets.Open(connection, userId, ClientSecretField, connection.OAuth?.ClientSecret);
}
