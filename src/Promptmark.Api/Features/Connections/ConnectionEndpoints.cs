using Promptmark.Api.Features.Connections.Remote;

namespace Promptmark.Api.Features.Connections;

/// <summary>Turns a stored connection into what the client pool dials: its URL and its (unsealed) auth headers.</summary>
public sealed class ConnectionEndpoints(ConnectionSecrets secrets)
{
    public RemoteServer For(McpConnection connection, Guid userId) =>
        new(connection.Id, new Uri(connection.ServerUrl),
            ConnectionCredentials.Headers(connection.AuthType, secrets.Open(connection, userId)),
            $"{connection.Id:N}/{connection.Revision}");
}
