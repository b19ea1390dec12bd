using Promptmark.Api.Infrastructure.Secrets;

namespace Promptmark.Api.Features.Connections;

/// <summary>
/// Seals a connection's secrets for storage (its credentials, and the OAuth client secret and PKCE verifier) and opens
/// them only when a request to its servers is made. Each is bound to the user, the connection and its field.
/// </summary>
public sealed class ConnectionSecrets(ISecretSealer sealer)
{
    private const string Purpose = "connection";

    public void Store(McpConnection connection, Guid userId, string? credentials) =>
        connection.Credentials = Seal(connection, userId, ConnectionCredentials.Field, credentials);

    public string? Open(McpConnection connection, Guid userId) => Open(connection, userId, ConnectionCredentials.Field, connection.Credentials);

    public SealedSecret? Seal(McpConnection connection, Guid userId, string field, string? secret) =>
        string.IsNullOrEmpty(secret) ? null : sealer.Seal(secret, Context(connection, userId, field));

    public string? Open(McpConnection connection, Guid userId, string field, SealedSecret? sealedSecret) =>
        sealedSecret is null ? null : sealer.Unseal(sealedSecret, Context(connection, userId, field));

    private static SealingContext Context(McpConnection connection, Guid userId, string field) =>
        new(Purpose, userId, connection.Id, field);
}
