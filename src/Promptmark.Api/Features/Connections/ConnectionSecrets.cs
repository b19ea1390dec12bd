using Promptmark.Api.Infrastructure.Secrets;

namespace Promptmark.Api.Features.Connections;

/// <summary>Seals a connection's credentials for storage and opens them only when a request to its server is made.</summary>
public sealed class ConnectionSecrets(ISecretSealer sealer)
{
    private const string Purpose = "connection";

    public void Store(McpConnection connection, Guid userId, string? credentials) =>
        connection.Credentials = string.IsNullOrEmpty(credentials) ? null : sealer.Seal(credentials, Context(connection, userId));

    public string? Open(McpConnection connection, Guid userId) =>
        connection.Credentials is { } sealedSecret ? sealer.Unseal(sealedSecret, Context(connection, userId)) : null;

    private static SealingContext Context(McpConnection connection, Guid userId) =>
        new(Purpose, userId, connection.Id, ConnectionCredentials.Field);
}
