using System.Threading.Channels;
using Promptmark.Api.Features.PlaybookExecutions.Progress;

namespace Promptmark.Api.Features.PlaybookExecutions;

/// <summary>
/// What one holder hears of one run (<see cref="RunSignals.Watch"/>), in the order it happened: each committed change, and
/// each text delta of a model step under way on this server. Changes that come while an earlier one waits to be read are
/// folded into it, since the holder reads the run as it then stands anyway.
/// </summary>
public sealed class RunWatch(Action<RunWatch> unwatch) : IDisposable
{
    private readonly Channel<StepDelta?> _notices = Channel.CreateUnbounded<StepDelta?>(new UnboundedChannelOptions { SingleReader = true });
    private int _changeWaiting;

    internal void Changed()
    {
        if (Interlocked.Exchange(ref _changeWaiting, 1) == 0) _notices.Writer.TryWrite(null);
    }

    internal void Delta(StepDelta delta) => _notices.Writer.TryWrite(delta);

    /// <summary>
    /// The next notice (at once when one came since the last wait): a delta, or null for a change. Throws when
    /// <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task<StepDelta?> NextAsync(CancellationToken ct)
    {
        var notice = await _notices.Reader.ReadAsync(ct);
        if (notice is null) Volatile.Write(ref _changeWaiting, 0);
        return notice;
    }

    public void Dispose() => unwatch(this);
}
