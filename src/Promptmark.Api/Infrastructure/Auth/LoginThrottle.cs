namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>
/// Slows password guessing without giving anyone a way to lock a user out.
/// <para>Two sliding 15-minute windows: 5 attempts per (email, client) and 20 per client, a client being its address
/// (an IPv6 /64, see <see cref="ClientAddress"/>). An attempt is reserved before the password is checked, under one
/// lock, so parallel guesses cannot all slip past the count; a success hands the reservation back and clears that
/// client's count for the email; anything else (a wrong password, an unknown email, an error) keeps it.</para>
/// <para>Why not per email alone: then anyone who knows a victim's email could lock the victim out with five wrong
/// guesses. Counted per (email, client), an attacker only locks out themselves, and the owner signing in from their
/// own address is not affected. The per-client limit stops one address from spraying guesses over many emails. What
/// is left: an attacker with many addresses (a botnet) gets 5 guesses per address and email every 15 minutes, each
/// costing a PBKDF2 hash, against a password of at least 10 characters; and a user who shares an address with an
/// attacker (the same NAT) can be kept out from that address for up to 15 minutes.</para>
/// <para>Bounded: at most 20,000 keys of at most 20 timestamps each, emails cut at 254 characters (no account has a
/// longer one), so the table stays under about 20 MB even under attack. Every 15 minutes the keys with no attempt in
/// the window are swept; when the table is full all the same, the tenth least recently used is evicted. It lives in
/// memory, one per process, and is forgotten on restart.</para>
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public const int PerClientAndEmail = 5;
    public const int PerClient = 20;
    public const int MaxKeys = 20_000;
    private const int MaxEmailLength = 254;

    private readonly Dictionary<Key, List<DateTimeOffset>> _attempts = new();
    private readonly Lock _gate = new();
    private DateTimeOffset _lastSweep = clock.GetUtcNow();

    /// <summary>Counts one attempt before the password is checked, or refuses it when a limit is reached.</summary>
    public LoginAttempt Reserve(string email, string client)
    {
        var forEmail = new Key(client, email.Length > MaxEmailLength ? email[..MaxEmailLength] : email);
        var forClient = new Key(client, null);
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now - _lastSweep >= Window) Sweep(now);
            var wait = new[] { WaitFor(forEmail, PerClientAndEmail, now), WaitFor(forClient, PerClient, now) }.Max();
            if (wait > TimeSpan.Zero) return new LoginAttempt(forEmail, forClient, now, wait);
            Record(forEmail, now);
            Record(forClient, now);
            return new LoginAttempt(forEmail, forClient, now, null);
        }
    }

    /// <summary>The password was right: the attempt no longer counts, nor do this client's earlier failures for this email.</summary>
    public void Succeeded(LoginAttempt attempt)
    {
        lock (_gate)
        {
            _attempts.Remove(attempt.ForEmail);
            if (_attempts.TryGetValue(attempt.ForClient, out var attempts) && attempts.Remove(attempt.At) && attempts.Count == 0)
                _attempts.Remove(attempt.ForClient);
        }
    }

    private TimeSpan WaitFor(Key key, int limit, DateTimeOffset now)
    {
        if (!_attempts.TryGetValue(key, out var attempts)) return TimeSpan.Zero;
        attempts.RemoveAll(at => now - at >= Window);
        return attempts.Count >= limit ? attempts[^limit] + Window - now : TimeSpan.Zero;
    }

    private void Record(Key key, DateTimeOffset now)
    {
        if (!_attempts.TryGetValue(key, out var attempts))
        {
            if (_attempts.Count >= MaxKeys) MakeRoom(now);
            _attempts[key] = attempts = [];
        }
        attempts.Add(now);
    }

    private void Sweep(DateTimeOffset now)
    {
        _lastSweep = now;
        foreach (var (key, attempts) in _attempts)
            if (attempts.Count == 0 || now - attempts[^1] >= Window) _attempts.Remove(key);
    }

    private void MakeRoom(DateTimeOffset now)
    {
        Sweep(now);
        if (_attempts.Count < MaxKeys) return;
        foreach (var key in _attempts.OrderBy(pair => pair.Value[^1]).Take(MaxKeys / 10).Select(pair => pair.Key).ToList())
            _attempts.Remove(key);
    }

    /// <summary>Whose attempts a window counts: one client's for one email, or (no email) one client's for all.</summary>
    public readonly record struct Key(string Client, string? Email);
}

/// <summary>One reserved sign-in attempt, or a refused one when <see cref="RetryAfter"/> is set.</summary>
public readonly record struct LoginAttempt(LoginThrottle.Key ForEmail, LoginThrottle.Key ForClient, DateTimeOffset At, TimeSpan? RetryAfter);
