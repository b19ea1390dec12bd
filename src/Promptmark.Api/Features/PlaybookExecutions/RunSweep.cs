using Marten;
using JasperFx;
using Microsoft.Extensions.Options;
using Promptmark.Api.Engines.Playbooks.Execution;

namespace Promptmark.Api.Features.PlaybookExecutions;

/// <summary>
/// Ends the runs nobody will move again, across all users: paused and awaiting runs past their expiry become expired,
/// and a running run whose state has not changed for <see cref="PlaybookRunOptions.StallMinutes"/> (its step message
/// was dead-lettered after its retries) becomes failed, so that no run stays running forever.
/// </summary>
public sealed class RunSweep(IDocumentStore store, IOptions<PlaybookRunOptions> options)
{
    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken ct)
    {
        var stalledBefore = now - TimeSpan.FromMinutes(options.Value.StallMinutes);
        await using var query = store.QuerySession();
        var due = await query.Query<PlaybookExecution>()
            .Where(e => e.AnyTenant() && (((e.Status == RunStatus.Paused || e.Status == RunStatus.AwaitingInput) && e.ExpiresAt <= now)
                                          || (e.Status == RunStatus.Running && e.UpdatedAt <= stalledBefore)))
            .Select(e => new { e.Id, e.TenantId }).ToListAsync(ct);
        var ended = 0;
        foreach (var run in due)
            if (await EndAsync(run.TenantId, run.Id, now, stalledBefore, ct)) ended++;
        return ended;
    }

    private async Task<bool> EndAsync(string tenantId, Guid id, DateTimeOffset now, DateTimeOffset stalledBefore, CancellationToken ct)
    {
        await using var session = store.LightweightSession(tenantId);
        var execution = await session.LoadAsync<PlaybookExecution>(id, ct);
        if (execution is null) return false;
        if (RunStatus.Waiting(execution.Status) && execution.ExpiresAt <= now)
            (execution.Run.Status, execution.Run.Error) = (RunStatus.Expired, $"The execution waited {PlaybookExecution.WaitingLifetime.TotalHours:N0} hours at step {execution.Run.StoppedAt} and expired.");
        else if (execution.Status == RunStatus.Running && execution.UpdatedAt <= stalledBefore)
            (execution.Run.Status, execution.Run.Error) = (RunStatus.Failed, $"The run stopped making progress: no step finished in {options.Value.StallMinutes} minutes.");
        else
            return false;
        execution.Touch(now);
        session.Store(execution);
        try
        {
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (ConcurrencyException)
        {
            // The run moved meanwhile: it is not stalled, or was resumed in time.
            return false;
        }
    }
}

/// <summary>Runs the sweep every few minutes; the first sweep waits a period, so that runs recovered at start-up move first.</summary>
public sealed class RunSweeper(RunSweep sweep, TimeProvider clock, ILogger<RunSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sweep.SweepAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not sweep expired and stalled playbook runs; will try again in {Minutes} minutes", Interval.TotalMinutes);
            }
        }
    }
}
