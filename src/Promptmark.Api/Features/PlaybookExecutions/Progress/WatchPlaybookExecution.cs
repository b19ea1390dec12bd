using System.Threading.Channels;
using Marten;
using Promptmark.Api.Engines.Playbooks;
using Promptmark.Api.Engines.Playbooks.Execution;
using Promptmark.Api.Features.Connections.Executions;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.PlaybookExecutions.Progress;

/// <summary>The progress route's step: <see cref="GetPlaybookExecution"/>'s read, then the run's changes sent to <paramref name="Events"/> until it is over.</summary>
public sealed record WatchPlaybookExecution(GetPlaybookExecution Request, ChannelWriter<ServerSentEvent> Events) : ISliceStep;

public static class WatchPlaybookExecutionHandler
{
    /// <summary>
    /// A run's moves are committed by the durable queue's handler, perhaps on another server: a commit here wakes the
    /// watch at once, a commit elsewhere is seen at the next read at the latest (and its deltas are not seen at all).
    /// </summary>
    private static readonly TimeSpan Reread = TimeSpan.FromSeconds(5);

    /// <summary>Sends the run's progress until it is over or <paramref name="ct"/> ends (the client left); answers the events sent.</summary>
    public static async Task<int> Handle(WatchPlaybookExecution message, IQuerySession session, RunSignals signals, CancellationToken ct)
    {
        var execution = await session.LoadOwnedExecutionAsync(message.Request.ExecutionId, ct);
        var definition = PlaybookCache.Parse(execution.Content).Definition;
        var progress = new RunProgress();
        var sent = 0;
        using var watch = signals.Watch(execution.Id);
        Task<StepDelta?>? notice = null;
        while (true)
        {
            foreach (var update in progress.Read(execution, definition))
            {
                await message.Events.WriteAsync(update, ct);
                sent++;
            }
            if (RunStatus.Over(execution.Status)) return sent;
            // A wait that timed out is kept for the next round: a second wait beside it could lose the notice it takes.
            while (true)
            {
                notice ??= watch.NextAsync(ct);
                try
                {
                    var delta = await notice.WaitAsync(Reread, ct);
                    notice = null;
                    if (delta is null) break;
                    if (progress.Delta(delta) is not { } told) continue;
                    await message.Events.WriteAsync(told, ct);
                    sent++;
                }
                catch (TimeoutException)
                {
                    break;
                }
            }
            execution = await session.LoadOwnedExecutionAsync(message.Request.ExecutionId, ct);
        }
    }
}
