using Marten;
using JasperFx;
using Promptmark.Api.Engines.Playbooks;
using Promptmark.Api.Engines.Playbooks.Execution;
using Promptmark.Api.Features.PostHog;
using Promptmark.Api.Infrastructure.Auth;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Promptmark.Api.Features.PlaybookExecutions.Running;

/// <summary>
/// Take the next move of a run that stands at <see cref="Cursor"/>. Sent through a durable local queue: the message is
/// stored in PostgreSQL with the state that asks for it, so a run outlives a crash between any two moves.
/// </summary>
public sealed record AdvancePlaybookRun(Guid ExecutionId, int Cursor);

public static class AdvancePlaybookRunHandler
{
    /// <summary>
    /// A write that lost to a concurrent one (a cancel) is retried: the retry reads the run again and finds it no
    /// longer running. A move that keeps failing otherwise is dead-lettered, and the sweep fails its run as stalled.
    /// </summary>
    public static void Configure(HandlerChain chain)
    {
        chain.OnException<ConcurrencyException>().RetryTimes(3);
        chain.OnAnyException().RetryWithCooldown(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
    }

    /// <summary>One move, committed with the message for the next one; a message for a state already moved past does nothing.</summary>
    public static async Task<AdvancePlaybookRun?> Handle(AdvancePlaybookRun message, IDocumentSession session, StepServices services, CancellationToken ct)
    {
        // The run and what a model step opens its model with, in one round trip.
        var batch = session.CreateBatchQuery();
        var loading = batch.Load<PlaybookExecution>(message.ExecutionId);
        var models = services.Models.Reads(batch, session.CallerId(), AnalyticsFeatures.Playbook);
        await batch.Execute(ct);
        var execution = await loading;
        if (execution is null || execution.Status != RunStatus.Running || execution.Run.Cursor != message.Cursor) return null;
        var definition = PlaybookCache.Parse(execution.Content).Definition
                         ?? throw new InvalidOperationException("A run's content parsed when it started and is never changed.");
        await StepRunner.AdvanceAsync(definition, execution.Run, new RunHost(services, session, execution.Id, execution.ModelId, models), services.Clock.GetUtcNow(), ct);
        execution.Touch(services.Clock.GetUtcNow());
        session.Store(execution);
        return execution.Status == RunStatus.Running ? new AdvancePlaybookRun(execution.Id, execution.Run.Cursor) : null;
    }
}
