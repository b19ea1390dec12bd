using Marten;
using Promptmark.Api.Features.Connections.OAuth;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Secrets;

namespace Promptmark.Api.Features.Connections;

/// <summary>
/// Turns a stored connection into what the client pool dials: its URL and its (unsealed) auth headers, with OAuth
/// tokens refreshed first when they are about to expire.
/// </summary>
public sealed class ConnectionEndpoints(ConnectionSecrets secrets, OAuthRefresher refresher)
{
    public const string CredentialsUnreadable =
        "the connection's stored credentials cannot be opened with the configured keys (was a sealing key removed?): enter them again";

    public async Task<RemoteServer> ForAsync(IQuerySession session, McpConnection connection, CancellationToken ct)
    {
        var userId = session.CallerId();
        try
        {
            await refresher.EnsureFreshAsync(connection, session.TenantId, userId, ct);
            return Of(connection, secrets.Open(connection, userId));
        }
        catch (SecretUnsealException)
        {
            throw new UnprocessableException(CredentialsUnreadable);
        }
    }

    /// <summary>What the pool dials for <paramref name="connection"/>, given its opened credentials.</summary>
    public static RemoteServer Of(McpConnection connection, string? credentials) =>
        new(connection.Id, new Uri(connection.ServerUrl), ConnectionCredentials.Headers(connection.AuthType, credentials), $"{connection.Id:N}/{connection.Revision}");
}
