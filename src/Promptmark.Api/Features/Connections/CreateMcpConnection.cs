using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Engines.Egress;
using Promptmark.Api.Features.Connections.OAuth;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections;

[Description("Add a new external MCP server connection. Credentials are stored encrypted and never returned; run a test (REST) or refresh_mcp_tools to discover its tools.")]
public sealed record CreateMcpConnection : PrivateInput, ISlice<ConnectionView>, IValidated, IDefaulted
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/mcp/connections").AsTool("create_mcp_connection", "Add an MCP connection").Created()
        .Described("Add a connection to a remote MCP server (credentials are sealed, never returned)");

    [Required, Description("Display name for the connection")]
    public string? Name { get; init; }

    [Required, Description("MCP server URL (e.g. https://app.civic.com/hub/mcp)")]
    public string? ServerUrl { get; init; }

    [Description("Optional description")]
    public string? Description { get; init; }

    [Description("Authentication type: none, bearer, api_key, oauth, custom_headers (default none)")]
    public string? AuthType { get; init; }

    [Description("Authentication credentials (token or API key)")]
    public string? AuthCredentials { get; init; }

    [RestOnly, Description("A preset that fills in the server: \"civic\" (https://app.civic.com/hub/mcp, bearer or oauth)")]
    public string? Preset { get; init; }

    [RestOnly, Description("When the credential expires (ISO 8601); reads warn 7 days ahead")]
    public string? TokenExpiresAt { get; init; }

    [RestOnly, Description("A client_id registered by you at the server's authorization server: \"Sign in with OAuth\" uses it instead of registering Promptmark")]
    public string? OauthClientId { get; init; }

    [RestOnly, Description("The pre-registered client's secret, if it has one (sealed, never returned)")]
    public string? OauthClientSecret { get; init; }

    public object WithDefaults() => CivicPreset.Names(Preset)
        ? this with
        {
            Name = string.IsNullOrWhiteSpace(Name) ? CivicPreset.Name : Name,
            ServerUrl = string.IsNullOrWhiteSpace(ServerUrl) ? CivicPreset.ServerUrl : ServerUrl,
            AuthType = string.IsNullOrWhiteSpace(AuthType) ? ConnectionAuthTypes.Bearer : AuthType,
        }
        : this;

    public void Validate(InputErrors errors)
    {
        ConnectionFields.ValidateDisplay(Name, Description, errors);
        ConnectionFields.ValidateAuthType(AuthType, errors);
        ConnectionFields.ValidateExpiry(TokenExpiresAt, errors);
        PreRegisteredClient.Validate(OauthClientId, OauthClientSecret, errors);
        errors.When(!string.IsNullOrEmpty(OauthClientSecret) && string.IsNullOrWhiteSpace(OauthClientId), PreRegisteredClient.SecretField,
            $"needs {PreRegisteredClient.IdField}");
        var authType = ConnectionAuthTypes.Normalize(AuthType);
        if (ConnectionAuthTypes.IsKnown(authType)) ConnectionCredentials.Validate(authType, AuthCredentials, errors);
        if (Preset is null) return;
        if (!CivicPreset.Names(Preset))
            errors.Add("preset", $"must be \"{CivicPreset.Key}\" or absent");
        else
        {
            errors.When(ServerUrl?.Trim() != CivicPreset.ServerUrl, "server_url", $"must be {CivicPreset.ServerUrl} for the Civic preset");
            CivicPreset.ValidateAuthType(authType, errors);
        }
    }
}

public static class CreateMcpConnectionHandler
{
    public static ConnectionView Handle(
        CreateMcpConnection command, IDocumentSession session, ConnectionUrlPolicy urlPolicy, ConnectionSecrets secrets, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var connection = new McpConnection
        {
            Id = Guid.CreateVersion7(),
            Name = command.Name!.Trim(),
            ServerUrl = ConnectionFields.CheckedUrl(urlPolicy, command.ServerUrl!),
            Description = command.Description,
            Preset = command.Preset is null ? null : CivicPreset.Key,
            AuthType = ConnectionAuthTypes.Normalize(command.AuthType),
            TokenExpiresAt = string.IsNullOrEmpty(command.TokenExpiresAt) ? null : ConnectionFields.ParseExpiry(command.TokenExpiresAt),
            CreatedAt = now,
            UpdatedAt = now,
        };
        secrets.Store(connection, session.CallerId(), ConnectionCredentials.ToStore(connection.AuthType, command.AuthCredentials));
        PreRegisteredClient.Apply(connection, session.CallerId(), command.OauthClientId, command.OauthClientSecret, secrets);
        session.Store(connection);
        return ConnectionView.Of(connection, now);
    }
}
