using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Promptmark.Api.Features.PlaybookTriggers;

public sealed class PlaybookTriggerOptions
{
    public const string SectionName = "Promptmark:Playbooks";

    /// <summary>How many triggers one token may send per minute (<c>Promptmark:Playbooks:TriggerPerMinute</c>).</summary>
    public int TriggerPerMinute { get; set; } = 30;
}

/// <summary>
/// At most <see cref="PlaybookTriggerOptions.TriggerPerMinute"/> triggers per token per minute, with ASP.NET Core's
/// fixed-window limiter partitioned by the token's hash, counted after the token is known to be valid, so that guessed
/// tokens never use up a real one's allowance. Counted per instance: behind several instances a token gets that many
/// per instance. A sender in a loop cannot fill the run queue and spend the owner's model budget.
/// </summary>
public sealed class TriggerRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public TriggerRateLimit(IOptions<PlaybookTriggerOptions> options)
    {
        var perMinute = options.Value.TriggerPerMinute;
        if (perMinute < 1) throw new InvalidOperationException($"{PlaybookTriggerOptions.SectionName}:TriggerPerMinute must be at least 1.");
        _limiter = PartitionedRateLimiter.Create<string, string>(hash => RateLimitPartition.GetFixedWindowLimiter(hash, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    /// <summary>How long the sender must wait, or null when this trigger may go ahead.</summary>
    public TimeSpan? Refusal(string tokenHash)
    {
        using var lease = _limiter.AttemptAcquire(tokenHash);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
