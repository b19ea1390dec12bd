using System.Collections.Concurrent;
using Marten;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Connections.OAuth;

/// <summary>The OAuth tokens of the connection are no longer good and cannot be refreshed, or grant less scope than the server demands.</summary>
public sealed class ReauthorizationNeededException(string reason = ReauthorizationNeededException.Reason) : SliceException(reason)
{
    public const string Reason = "re-authorization needed: the OAuth sign-in has expired or was revoked; sign in with OAuth again";

    public static string ForScope(string scope) =>
        $"re-authorization needed for scope \"{scope}\": the server asks for more access than the OAuth sign-in granted; sign in with OAuth again";

    public override int Status => StatusCodes.Status409Conflict;
    public override string Title => "Re-authorization needed";
}

/// <summary>
/// Refreshes a signed-in connection's tokens shortly before they expire, when the client pool is about to use them.
/// One refresh per connection at a time, on the newest copy (a rotated refresh token is only good once); when the
/// authorization server refuses, the connection is marked <see cref="ConnectionStatus.ReauthorizationNeeded"/>.
/// </summary>
public sealed class OAuthRefresher(IDocumentStore store, OAuthTokenEndpoint tokens, OAuthGrants grants, TimeProvider clock)
{
    /// <summary>How long before its expiry a token is replaced, so it does not lapse during the operation.</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> gates = new();

    /// <summary>Leaves <paramref name="connection"/> with good tokens, or throws <see cref="ReauthorizationNeededException"/>.</summary>
    public async Task EnsureFreshAsync(McpConnection connection, string tenantId, Guid userId, CancellationToken ct)
    {
        if (!IsDue(connection)) return;
        var gate = gates.GetOrAdd(connection.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            await using var session = store.LightweightSession(tenantId);
            // Another operation may have refreshed (and rotated the refresh token) since this copy was loaded.
            if (await session.LoadAsync<McpConnection>(connection.Id, ct) is { } stored && stored.Revision > connection.Revision)
                TakeAuth(stored, connection);
            if (IsDue(connection)) await RefreshAsync(session, connection, userId, ct);
            if (connection.Status == ConnectionStatus.ReauthorizationNeeded) throw new ReauthorizationNeededException();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RefreshAsync(IDocumentSession session, McpConnection connection, Guid userId, CancellationToken ct)
    {
        var refreshToken = connection.Status == ConnectionStatus.ReauthorizationNeeded ? null : grants.RefreshToken(connection, userId);
        var grant = refreshToken is null ? null : await tokens.RefreshAsync(connection.OAuth!, grants.ClientSecret(connection, userId), refreshToken, ct);
        if (grant is null)
        {
            connection.Status = ConnectionStatus.ReauthorizationNeeded;
            connection.LastError = ReauthorizationNeededException.Reason;
        }
        else
        {
            // A server that does not rotate refresh tokens keeps the one it gave.
            grants.Apply(connection, userId, grant with { RefreshToken = grant.RefreshToken ?? refreshToken });
        }
        connection.UpdatedAt = clock.GetUtcNow();
        session.Store(connection);
        await session.SaveChangesAsync(ct);
    }

    private bool IsDue(McpConnection connection) =>
        connection is { OAuth: not null, AuthType: ConnectionAuthTypes.OAuth, TokenExpiresAt: { } expiresAt } && expiresAt - clock.GetUtcNow() < Ahead;

    private static void TakeAuth(McpConnection from, McpConnection to)
    {
        to.AuthType = from.AuthType;
        to.Credentials = from.Credentials;
        to.OAuth = from.OAuth;
        to.TokenExpiresAt = from.TokenExpiresAt;
        to.Revision = from.Revision;
        to.Status = from.Status;
        to.LastError = from.LastError;
        to.UpdatedAt = from.UpdatedAt;
    }
}
