using JasperFx.Metadata;
using Marten;
using Promptmark.Api.Features.Connections.OAuth;
using Promptmark.Api.Infrastructure.Secrets;

namespace Promptmark.Api.Features.Connections;

/// <summary>
/// A remote MCP server the user has linked. Credentials are only ever stored sealed (<see cref="ConnectionCredentials"/>);
/// the status fields record what the last test or refresh saw.
/// </summary>
public sealed class McpConnection : ISoftDeleted
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string ServerUrl { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>The preset the connection was created from (<c>civic</c>), or null for a generic server.</summary>
    public string? Preset { get; set; }

    public string AuthType { get; set; } = ConnectionAuthTypes.None;
    public SealedSecret? Credentials { get; set; }

    /// <summary>Set when the credentials come from "Sign in with OAuth": where they are refreshed, and the sign-in under way.</summary>
    public ConnectionOAuth? OAuth { get; set; }

    /// <summary>A client registered by the user at the authorization server, used by sign-in instead of registering one (<see cref="PreRegisteredClient"/>).</summary>
    public string? OAuthClientId { get; set; }

    /// <summary>The pre-registered client's secret, sealed; null for a public client.</summary>
    public SealedSecret? OAuthClientSecret { get; set; }

    /// <summary>
    /// Bumped whenever the URL or the credentials change, so a pooled session opened with the old ones is replaced.
    /// </summary>
    public int Revision { get; set; } = 1;

    public bool IsActive { get; set; } = true;
    public DateTimeOffset? TokenExpiresAt { get; set; }

    public string Status { get; set; } = ConnectionStatus.NeverConnected;
    public string? LastError { get; set; }
    public DateTimeOffset? LastConnectedAt { get; set; }
    public DateTimeOffset? LastCheckedAt { get; set; }
    public int ToolCount { get; set; }
    public string? ServerName { get; set; }
    public string? ServerVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool Deleted { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}

public static class ConnectionStatus
{
    public const string NeverConnected = "never_connected";
    public const string Connected = "connected";
    public const string Error = "error";

    /// <summary>The OAuth tokens expired and could not be refreshed: the user must sign in with OAuth again.</summary>
    public const string ReauthorizationNeeded = "reauthorization_needed";
}

public sealed class McpConnectionStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Schema.For<McpConnection>().SoftDeleted().Index(c => c.CreatedAt);
}
