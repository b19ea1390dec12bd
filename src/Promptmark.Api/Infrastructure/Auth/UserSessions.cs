using System.Security.Claims;
using Marten;

namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>
/// Starts, checks and ends sign-in sessions: the token says who the caller is, the <see cref="UserSession"/> record
/// says the session has not been ended. Checking costs one primary-key read per request carrying a session token.
/// </summary>
public sealed class UserSessions(IDocumentStore store, TokenIssuer tokens, TimeProvider clock)
{
    public async Task<(string Token, DateTimeOffset ExpiresAt)> StartAsync(Guid userId, string email, CancellationToken ct)
    {
        var sessionId = Guid.CreateVersion7();
        var (token, expiresAt) = tokens.Issue(sessionId, userId, email);
        await using var session = store.LightweightSession();
        session.Store(new UserSession { Id = sessionId, UserId = userId, StartedAt = clock.GetUtcNow(), ExpiresAt = expiresAt });
        await session.SaveChangesAsync(ct);
        return (token, expiresAt);
    }

    /// <summary>The caller, when the token is genuine, unexpired, and its session has not been ended.</summary>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(string token, CancellationToken ct)
    {
        if (await tokens.ValidateAsync(token) is not { } caller || caller.FindSessionId() is not { } sessionId) return null;
        await using var session = store.QuerySession();
        var record = await session.LoadAsync<UserSession>(sessionId, ct);
        return record is not null && record.UserId == caller.FindUserId() ? caller : null;
    }

    public async Task EndAsync(Guid sessionId, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Delete<UserSession>(sessionId);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>Deletes the records of sessions that have expired; their tokens are refused anyway.</summary>
    public async Task PurgeExpiredAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var now = clock.GetUtcNow();
        session.DeleteWhere<UserSession>(s => s.ExpiresAt <= now);
        await session.SaveChangesAsync(ct);
    }
}
