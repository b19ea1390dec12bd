using System.Threading.Channels;

namespace Promptmark.Api.Features.PlaybookExecutions;

/// <summary>
/// A flag raised by each committed change of one run (<see cref="RunSignals.Watch"/>): changes that come while its holder
/// reads the run are folded into one wake-up, since the holder reads the run as it then stands anyway.
/// </summary>
public sealed class RunWatch(Action<RunWatch> unwatch) : IDisposable
{
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    internal void Changed() => _changed.Writer.TryWrite(true);

    /// <summary>Completes at the next change (at once when one came since the last wait), or throws when <paramref name="ct"/> is cancelled.</summary>
    public async Task NextChangeAsync(CancellationToken ct) => await _changed.Reader.ReadAsync(ct);

    public void Dispose() => unwatch(this);
}
