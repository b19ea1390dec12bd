using System.Collections.Concurrent;
using System.Security.Claims;
using Marten;
using Promptmark.Api.Infrastructure.Database;

namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>
/// Starts, checks and ends sign-in sessions: the token says who the caller is, the <see cref="UserSession"/> record
/// says the session has not been ended. A session found once is remembered, so a request carrying its token costs no
/// read; ending a session forgets it on every instance in the same transaction that deletes the record
/// (<see cref="InstanceSignals"/>), and nothing is remembered while this instance could miss that signal.
/// </summary>
public sealed class UserSessions
{
    private const string Ended = "user-session-ended";
    private readonly IDocumentStore _store;
    private readonly TokenIssuer _tokens;
    private readonly TimeProvider _clock;
    private readonly InstanceSignals _signals;
    private readonly ConcurrentDictionary<Guid, Guid> _ownerBySession = new();
    private readonly Lock _forgetting = new();
    // Bumped whenever sessions are forgotten, so that a read which began before cannot put one back.
    private long _generation;

    public UserSessions(IDocumentStore store, TokenIssuer tokens, TimeProvider clock, InstanceSignals signals)
    {
        _store = store;
        _tokens = tokens;
        _clock = clock;
        _signals = signals;
        signals.On(Ended, payload =>
        {
            if (Guid.TryParse(payload, out var sessionId)) Forget(sessionId);
        });
        signals.OnReconnected(ForgetAll);
    }

    public async Task<(string Token, DateTimeOffset ExpiresAt)> StartAsync(Guid userId, string email, CancellationToken ct)
    {
        var sessionId = Guid.CreateVersion7();
        var (token, expiresAt) = _tokens.Issue(sessionId, userId, email);
        await using var session = _store.LightweightSession();
        session.Store(new UserSession { Id = sessionId, UserId = userId, StartedAt = _clock.GetUtcNow(), ExpiresAt = expiresAt });
        await session.SaveChangesAsync(ct);
        return (token, expiresAt);
    }

    /// <summary>The caller, when the token is genuine, unexpired, and its session has not been ended.</summary>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(string token, CancellationToken ct)
    {
        if (await _tokens.ValidateAsync(token) is not { } caller || caller.FindSessionId() is not { } sessionId) return null;
        var userId = caller.FindUserId();
        if (_signals.IsListening && _ownerBySession.TryGetValue(sessionId, out var owner)) return owner == userId ? caller : null;

        var generation = Volatile.Read(ref _generation);
        await using var session = _store.QuerySession();
        var record = await session.LoadAsync<UserSession>(sessionId, ct);
        if (record is null || record.UserId != userId) return null;
        lock (_forgetting)
            if (_signals.IsListening && generation == _generation) _ownerBySession[sessionId] = record.UserId;
        return caller;
    }

    public async Task EndAsync(Guid sessionId, CancellationToken ct)
    {
        await using var session = _store.LightweightSession();
        session.Delete<UserSession>(sessionId);
        InstanceSignals.SendOnCommit(session, Ended, sessionId.ToString());
        await session.SaveChangesAsync(ct);
        Forget(sessionId);
    }

    /// <summary>Deletes the records of sessions that have expired; their tokens are refused anyway.</summary>
    public async Task PurgeExpiredAsync(CancellationToken ct)
    {
        await using var session = _store.LightweightSession();
        var now = _clock.GetUtcNow();
        session.DeleteWhere<UserSession>(s => s.ExpiresAt <= now);
        await session.SaveChangesAsync(ct);
        ForgetAll();
    }

    private void Forget(Guid sessionId)
    {
        lock (_forgetting)
        {
            _generation++;
            _ownerBySession.TryRemove(sessionId, out _);
        }
    }

    private void ForgetAll()
    {
        lock (_forgetting)
        {
            _generation++;
            _ownerBySession.Clear();
        }
    }
}
