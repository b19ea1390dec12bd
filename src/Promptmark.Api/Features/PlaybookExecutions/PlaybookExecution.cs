using Marten;
using Promptmark.Api.Engines.Playbooks.Execution;

namespace Promptmark.Api.Features.PlaybookExecutions;

/// <summary>
/// One run of a playbook, tenant-scoped like everything a user owns. It keeps the playbook's content as it was when the
/// run started, so that editing the playbook never changes a run under way. Written with optimistic concurrency: a step
/// that finishes after the run was cancelled cannot overwrite the cancellation.
/// </summary>
public sealed class PlaybookExecution
{
    /// <summary>Paused and awaiting runs expire after this long (the spec's reference implementation: 24 h).</summary>
    public static readonly TimeSpan WaitingLifetime = TimeSpan.FromHours(24);

    public Guid Id { get; set; }

    /// <summary>The owner's id, filled in by Marten: the sweep, which reads across users, writes each run back as its owner.</summary>
    public string TenantId { get; set; } = "";

    public Guid PlaybookId { get; set; }
    public string PlaybookTitle { get; set; } = "";
    public string Content { get; set; } = "";
    public string ModelId { get; set; } = "";
    public RunState Run { get; set; } = new();

    /// <summary>The run's status, copied from <see cref="Run"/> on every write so that it can be queried.</summary>
    public string Status { get; set; } = RunStatus.Running;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>When a paused or awaiting run becomes expired; null otherwise.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Stamps a change of <see cref="Run"/>: the queryable status, the expiry of a waiting run, the end of a finished one.</summary>
    public void Touch(DateTimeOffset now)
    {
        var waitingAlready = RunStatus.Waiting(Status);
        Status = Run.Status;
        UpdatedAt = now;
        ExpiresAt = RunStatus.Waiting(Status) ? (waitingAlready ? ExpiresAt : null) ?? now + WaitingLifetime : null;
        if (RunStatus.Over(Status)) CompletedAt ??= now;
    }
}

public sealed class PlaybookExecutionStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Schema.For<PlaybookExecution>().UseOptimisticConcurrency(true).Metadata(m => m.TenantId.MapTo(e => e.TenantId))
            .Index(e => e.PlaybookId).Index(e => e.CreatedAt).Index(e => e.Status).Index(e => e.ExpiresAt);
        options.Listeners.Add(services.GetRequiredService<RunSignals>());
    }
}
