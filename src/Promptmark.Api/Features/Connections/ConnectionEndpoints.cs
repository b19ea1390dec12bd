using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Secrets;

namespace Promptmark.Api.Features.Connections;

/// <summary>Turns a stored connection into what the client pool dials: its URL and its (unsealed) auth headers.</summary>
public sealed class ConnectionEndpoints(ConnectionSecrets secrets)
{
    public const string CredentialsUnreadable =
        "the connection's stored credentials cannot be opened with the configured keys (was a sealing key removed?): enter them again";

    public RemoteServer For(McpConnection connection, Guid userId) =>
        new(connection.Id, new Uri(connection.ServerUrl),
            ConnectionCredentials.Headers(connection.AuthType, Open(connection, userId)),
            $"{connection.Id:N}/{connection.Revision}");

    private string? Open(McpConnection connection, Guid userId)
    {
        try
        {
            return secrets.Open(connection, userId);
        }
        catch (SecretUnsealException)
        {
            throw new UnprocessableException(CredentialsUnreadable);
        }
    }
}
