using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>
/// At most 20 new accounts (<c>Promptmark:Auth:RegistrationsPerHour</c>) per client address (an IPv6 /64, see <see cref="ClientAddress"/>) per hour, with ASP.NET
/// Core's fixed-window rate limiter: room for a household or an office behind one address, too few to fill the
/// database with accounts from one machine. Beyond that: 429 problem details with <c>Retry-After</c>. The limiter
/// drops a partition once its window has passed, so it holds one small counter per address that registered in the
/// last hour.
/// </summary>
public static class RegistrationLimit
{
    public const string Policy = "registration";
    public const string Setting = "Promptmark:Auth:RegistrationsPerHour";
    public const int DefaultPerClientPerHour = 20;

    public static IServiceCollection AddRegistrationLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perClientPerHour = configuration.GetValue(Setting, DefaultPerClientPerHour);
        if (perClientPerHour < 1) throw new InvalidOperationException($"{Setting} must be at least 1.");
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perClientPerHour,
                Window = TimeSpan.FromHours(1),
                QueueLimit = 0,
            }));
            limiter.OnRejected = async (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromHours(1);
                await TooManyRequests.Answer(context.HttpContext, wait, "Too many accounts were created from this address: try again later.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
    }
}
