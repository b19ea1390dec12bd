using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Engines.Egress;
using Promptmark.Api.Features.Connections.OAuth;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections;

[Description("Update settings for an existing MCP server connection. Only provided fields are updated.")]
public sealed record UpdateMcpConnection : PrivateInput, ISlice<ConnectionView>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Put("/api/mcp/connections/{id}").AsTool("update_mcp_connection", "Update an MCP connection")
        .Described("Update a connection; only given fields change. A new URL or credentials close its pooled session");

    [Required, Description("Connection ID to update")]
    public string Id { get; init; } = "";

    [Description("Display name")]
    public string? Name { get; init; }

    [Description("Description")]
    public string? Description { get; init; }

    [Description("Authentication type")]
    public string? AuthType { get; init; }

    [Description("Authentication credentials")]
    public string? AuthCredentials { get; init; }

    [Description("Whether connection is active")]
    public bool? IsActive { get; init; }

    [RestOnly, Description("New MCP server URL")]
    public string? ServerUrl { get; init; }

    [RestOnly, Description("When the credential expires (ISO 8601); an empty string removes the expiry")]
    public string? TokenExpiresAt { get; init; }

    [RestOnly, Description("A client_id registered by you at the server's authorization server, used by the next \"Sign in with OAuth\"; an empty string removes it and its secret")]
    public string? OauthClientId { get; init; }

    [RestOnly, Description("The pre-registered client's secret (sealed, never returned); an empty string removes it")]
    public string? OauthClientSecret { get; init; }

    public void Validate(InputErrors errors)
    {
        ConnectionFields.ValidateDisplay(Name, Description, errors);
        ConnectionFields.ValidateAuthType(AuthType, errors);
        ConnectionFields.ValidateExpiry(TokenExpiresAt, errors);
        PreRegisteredClient.Validate(OauthClientId, OauthClientSecret, errors);
    }
}

public static class UpdateMcpConnectionHandler
{
    public static async Task<ConnectionView> Handle(
        UpdateMcpConnection command, IDocumentSession session, ConnectionUrlPolicy urlPolicy, ConnectionSecrets secrets,
        RemoteMcpSessions remote, TimeProvider clock, CancellationToken ct)
    {
        var connection = await session.LoadConnectionAsync(command.Id, ct);
        var revision = connection.Revision;
        if (command.Name is not null) connection.Name = command.Name.Trim();
        if (command.Description is not null) connection.Description = command.Description;
        if (command.IsActive is { } active) connection.IsActive = active;
        if (command.TokenExpiresAt is not null) connection.TokenExpiresAt = ConnectionFields.ParseExpiry(command.TokenExpiresAt);
        if (command.ServerUrl is not null) ChangeUrl(connection, ConnectionFields.CheckedUrl(urlPolicy, command.ServerUrl));
        if (command.AuthType is not null || command.AuthCredentials is not null) ChangeAuth(connection, command, secrets, session.CallerId());
        PreRegisteredClient.Apply(connection, session.CallerId(), command.OauthClientId, command.OauthClientSecret, secrets);

        connection.UpdatedAt = clock.GetUtcNow();
        session.Store(connection);
        if (connection.Revision != revision || !connection.IsActive) await remote.CloseAsync(connection.Id);
        return ConnectionView.Of(connection, connection.UpdatedAt);
    }

    private static void ChangeUrl(McpConnection connection, string url)
    {
        if (url == connection.ServerUrl) return;
        connection.ServerUrl = url;
        connection.OAuth = null;
        if (url != CivicPreset.ServerUrl) connection.Preset = null;
        connection.Revision++;
    }

    /// <summary>
    /// A new auth type needs its credentials in the same request (except none); new credentials alone are checked
    /// against the current type.
    /// </summary>
    private static void ChangeAuth(McpConnection connection, UpdateMcpConnection command, ConnectionSecrets secrets, Guid userId)
    {
        var authType = command.AuthType is null ? connection.AuthType : ConnectionAuthTypes.Normalize(command.AuthType);
        var errors = new InputErrors();
        if (authType != connection.AuthType && authType != ConnectionAuthTypes.None && command.AuthCredentials is null)
            errors.Add(ConnectionCredentials.Field, $"is required when auth_type changes to {authType}");
        else
            ConnectionCredentials.Validate(authType, command.AuthCredentials, errors);
        if (connection.Preset == CivicPreset.Key) CivicPreset.ValidateAuthType(authType, errors);
        errors.ThrowIfAny();

        connection.AuthType = authType;
        // Credentials entered by hand replace an OAuth sign-in: nothing is refreshed behind the user's back.
        connection.OAuth = null;
        secrets.Store(connection, userId, ConnectionCredentials.ToStore(authType, command.AuthCredentials));
        connection.Revision++;
    }
}
