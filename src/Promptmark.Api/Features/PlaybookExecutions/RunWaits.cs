using Marten;
using Microsoft.Extensions.Options;
using Promptmark.Api.Engines.Playbooks.Execution;
using Promptmark.Api.Infrastructure.Errors;
using Wolverine;

namespace Promptmark.Api.Features.PlaybookExecutions;

/// <summary>
/// Holds an execute (or resume, or respond) call until its run comes to rest (completed, failed, paused, awaiting
/// input, cancelled) or <see cref="PlaybookRunOptions.WaitSeconds"/> pass; then the run as it stands, running or not.
/// </summary>
public sealed class RunWaits(RunSignals signals, IOptions<PlaybookRunOptions> options)
{
    /// <summary>A missed signal costs at most this long: the run is read again anyway.</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Invokes <paramref name="change"/> (which stores the run and its next move) for the caller, then waits for the run;
    /// without <paramref name="wait"/>, answers it at once as it stands.
    /// </summary>
    public async Task<ExecutionView> AfterAsync(IQuerySession session, IMessageBus bus, Guid executionId, object change, CancellationToken ct, bool wait = true)
    {
        await bus.InvokeForTenantAsync(session.TenantId, change, ct);
        return ExecutionView.Of(wait ? await AtRestAsync(session, executionId, ct) : await LoadAsync(session, executionId, ct));
    }

    private static async Task<PlaybookExecution> LoadAsync(IQuerySession session, Guid executionId, CancellationToken ct) =>
        await session.LoadAsync<PlaybookExecution>(executionId, ct) ?? throw new NotFoundException(ExecutionAccess.What);

    private async Task<PlaybookExecution> AtRestAsync(IQuerySession session, Guid executionId, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(options.Value.WaitSeconds));
        try
        {
            while (true)
            {
                var rest = signals.NextRest(executionId);
                var execution = await LoadAsync(session, executionId, ct);
                if (RunStatus.AtRest(execution.Status) || limit.IsCancellationRequested) return execution;
                try
                {
                    await rest.WaitAsync(Recheck, limit.Token);
                }
                catch (TimeoutException)
                {
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                }
            }
        }
        finally
        {
            signals.Forget(executionId);
        }
    }
}

public sealed class PlaybookRunOptions
{
    public const string SectionName = "Promptmark:Playbooks";

    /// <summary>How long execute, resume and respond wait for the run to come to rest before answering it as running.</summary>
    public int WaitSeconds { get; set; } = 300;

    /// <summary>A running run whose state has not changed for this long has lost its step message (it was dead-lettered): the sweep fails it.</summary>
    public int StallMinutes { get; set; } = 30;
}
