using System.Text.Json.Serialization;
using Promptmark.Api.Features.Connections.Tools;

namespace Promptmark.Api.Features.Connections;

/// <summary>
/// A connection as both doors return it. Credentials never leave the server: only whether there are any, and the
/// auth type (and a pre-registered OAuth client's id, whose secret is only said to exist). <see cref="Tools"/> is filled by get_mcp_connection only.
/// </summary>
public sealed record ConnectionView(
    Guid Id, string Name, string ServerUrl, string? Description, string? Preset, string AuthType, bool HasCredentials, [property: JsonPropertyName("signed_in_with_oauth")] bool SignedInWithOAuth,
    bool IsActive, DateTimeOffset? TokenExpiresAt, string? ExpiryWarning, string Status, string? LastError,
    DateTimeOffset? LastConnectedAt, DateTimeOffset? LastCheckedAt, int ToolCount, string? ServerName, string? ServerVersion,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, [property: JsonPropertyName("oauth_client_id")] string? OAuthClientId,
    [property: JsonPropertyName("has_oauth_client_secret")] bool HasOAuthClientSecret, IReadOnlyList<McpToolSummary>? Tools)
{
    public static ConnectionView Of(McpConnection c, DateTimeOffset now, IReadOnlyList<McpToolSummary>? tools = null) =>
        new(c.Id, c.Name, c.ServerUrl, c.Description, c.Preset, c.AuthType, c.Credentials is not null, c is { OAuth: not null, AuthType: ConnectionAuthTypes.OAuth, Credentials: not null },
            c.IsActive, c.TokenExpiresAt, TokenExpiry.Warning(c.TokenExpiresAt, now), c.Status, c.LastError,
            c.LastConnectedAt, c.LastCheckedAt, c.ToolCount, c.ServerName, c.ServerVersion, c.CreatedAt, c.UpdatedAt, c.OAuthClientId, c.OAuthClientSecret is not null, tools);
}

public sealed record ConnectionList(IReadOnlyList<ConnectionView> Connections, int Total, int Limit, int Offset);
