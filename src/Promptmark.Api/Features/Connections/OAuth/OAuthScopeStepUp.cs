using Marten;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Connections.OAuth;

/// <summary>
/// Step-up authorization (MCP 2025-11-25, scope challenge handling): when a signed-in connection's server answers 403
/// <c>insufficient_scope</c>, the connection keeps the union of the scope it holds and the scope demanded, for its next
/// sign-in to ask for, and is marked as needing one. Its tokens come from a person's consent (the authorization code
/// grant), so no token request can widen them without that person: the call fails saying which scope to sign in for.
/// </summary>
public sealed class OAuthScopeStepUp(IDocumentStore store, TimeProvider clock)
{
    /// <summary>Space-separated scopes of both, each once, in first-seen order; null when both are empty.</summary>
    public static string? Union(string? held, string? demanded) =>
        string.Join(' ', $"{held} {demanded}".Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)) is { Length: > 0 } union ? union : null;

    /// <summary>
    /// Records the wider scope on <paramref name="connection"/> and returns the failure to report; a connection not
    /// signed in with OAuth only learns that its credentials grant too little.
    /// </summary>
    public static SliceException Widen(McpConnection connection, InsufficientRemoteScopeException failure)
    {
        if (connection is not { OAuth: { } oauth, AuthType: ConnectionAuthTypes.OAuth })
            return new BadGatewayException($"{failure.Message}: give the connection credentials that grant it");
        oauth.Scope = Union(oauth.Scope, failure.Scope);
        var reason = ReauthorizationNeededException.ForScope(oauth.Scope ?? "(not named by the server)");
        connection.Status = ConnectionStatus.ReauthorizationNeeded;
        connection.LastError = reason;
        return new ReauthorizationNeededException(reason);
    }

    /// <summary><see cref="Widen"/> on the stored connection, in a transaction of its own; returns the failure to report.</summary>
    public async Task<SliceException> RecordAsync(string tenantId, Guid connectionId, InsufficientRemoteScopeException failure)
    {
        await using var session = store.LightweightSession(tenantId);
        if (await session.LoadAsync<McpConnection>(connectionId, CancellationToken.None) is not { } connection)
            return new BadGatewayException(failure.Message);
        var reported = Widen(connection, failure);
        connection.UpdatedAt = clock.GetUtcNow();
        session.Store(connection);
        await session.SaveChangesAsync(CancellationToken.None);
        return reported;
    }
}
