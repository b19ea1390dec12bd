using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections.OAuth;

/// <summary>
/// An OAuth client the user registered at the server's authorization server themselves (MCP authorization,
/// pre-registration): when a connection has one, "Sign in with OAuth" uses it instead of a client metadata document or
/// dynamic registration. The secret is optional (a public client) and sealed like the connection's other credentials.
/// </summary>
public static class PreRegisteredClient
{
    public const string IdField = "oauth_client_id";
    public const string SecretField = "oauth_client_secret";
    public const int MaxLength = 500;

    public static void Validate(string? clientId, string? clientSecret, InputErrors errors)
    {
        errors.When(clientId?.Length > MaxLength || clientId?.Any(char.IsControl) == true, IdField,
            $"must be at most {MaxLength} characters, without control characters");
        errors.When(clientSecret?.Length > MaxLength || clientSecret?.Any(char.IsControl) == true, SecretField,
            $"must be at most {MaxLength} characters, without control characters");
    }

    /// <summary>Sets the client id (an empty one removes the client, secret too) and, when given, the secret (an empty one removes it).</summary>
    public static void Apply(McpConnection connection, Guid userId, string? clientId, string? clientSecret, ConnectionSecrets secrets)
    {
        if (clientId is not null) connection.OAuthClientId = clientId.Trim() is { Length: > 0 } id ? id : null;
        if (connection.OAuthClientId is null)
            connection.OAuthClientSecret = null;
        else if (clientSecret is not null)
            connection.OAuthClientSecret = secrets.Seal(connection, userId, OAuthGrants.ClientSecretField, clientSecret);
    }
}
