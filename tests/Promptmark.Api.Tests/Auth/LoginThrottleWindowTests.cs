using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Auth;

public sealed class LoginThrottleWindowTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void a_refused_client_waits_until_its_oldest_counted_attempt_leaves_the_window()
    {
        var throttle = new LoginThrottle(_clock);
        for (var i = 0; i < LoginThrottle.PerClientAndEmail; i++)
        {
            throttle.Reserve("a@example.com", "192.0.2.1").RetryAfter.ShouldBeNull();
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        throttle.Reserve("a@example.com", "192.0.2.1").RetryAfter.ShouldBe(LoginThrottle.Window - TimeSpan.FromMinutes(LoginThrottle.PerClientAndEmail));

        _clock.Advance(LoginThrottle.Window - TimeSpan.FromMinutes(LoginThrottle.PerClientAndEmail));
        throttle.Reserve("a@example.com", "192.0.2.1").RetryAfter.ShouldBeNull();
    }

    [Fact]
    public void successful_sign_ins_do_not_use_up_the_clients_allowance()
    {
        var throttle = new LoginThrottle(_clock);
        for (var i = 0; i < LoginThrottle.PerClient * 2; i++)
        {
            var attempt = throttle.Reserve($"user{i}@example.com", "192.0.2.2");
            attempt.RetryAfter.ShouldBeNull();
            throttle.Succeeded(attempt);
        }
    }

    [Fact]
    public void a_full_table_still_counts_new_clients()
    {
        var throttle = new LoginThrottle(_clock);
        for (var i = 0; i < LoginThrottle.MaxKeys; i++) throttle.Reserve("a@example.com", $"client-{i}");

        for (var i = 0; i < LoginThrottle.PerClientAndEmail; i++) throttle.Reserve("b@example.com", "newcomer").RetryAfter.ShouldBeNull();
        throttle.Reserve("b@example.com", "newcomer").RetryAfter.ShouldNotBeNull();
    }
}
