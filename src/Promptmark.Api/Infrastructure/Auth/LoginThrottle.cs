using System.Collections.Concurrent;

namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>
/// Slows password guessing: after 5 failed sign-ins for one email, or 20 from one address, within 15 minutes, further
/// attempts get 429 until the window has passed. A successful sign-in clears the email's count.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private const int PerEmail = 5;
    private const int PerAddress = 20;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();

    /// <summary>How long the caller must wait, or null when an attempt is allowed.</summary>
    public TimeSpan? RetryAfter(string email, string address)
    {
        var now = clock.GetUtcNow();
        var wait = new[] { Wait($"email:{email}", PerEmail, now), Wait($"ip:{address}", PerAddress, now) }.Max();
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void Failed(string email, string address)
    {
        var now = clock.GetUtcNow();
        Record($"email:{email}", now);
        Record($"ip:{address}", now);
    }

    public void Succeeded(string email) => _failures.TryRemove($"email:{email}", out _);

    private TimeSpan Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures)) return TimeSpan.Zero;
        lock (failures)
        {
            while (failures.Count > 0 && now - failures.Peek() > Window) failures.Dequeue();
            return failures.Count >= limit ? failures.Peek() + Window - now : TimeSpan.Zero;
        }
    }

    private void Record(string key, DateTimeOffset now)
    {
        var failures = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (failures) failures.Enqueue(now);
    }
}
