namespace Promptmark.Api.Features.Connections;

/// <summary>The expiry warning shown on every read: <c>expired</c>, <c>expiring</c> (within 7 days) or none.</summary>
public static class TokenExpiry
{
    public const string Expired = "expired";
    public const string Expiring = "expiring";
    public static readonly TimeSpan WarningWindow = TimeSpan.FromDays(7);

    public static string? Warning(DateTimeOffset? expiresAt, DateTimeOffset now) => expiresAt switch
    {
        null => null,
        { } at when at <= now => Expired,
        { } at when at - now <= WarningWindow => Expiring,
        _ => null,
    };
}
