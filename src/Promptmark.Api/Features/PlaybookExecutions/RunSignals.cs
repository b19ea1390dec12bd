using System.Collections.Concurrent;
using Marten;
using Marten.Services;
using Promptmark.Api.Engines.Playbooks.Execution;

namespace Promptmark.Api.Features.PlaybookExecutions;

/// <summary>
/// Tells whoever waits on a run that it came to rest: a Marten listener sees every committed write of a
/// <see cref="PlaybookExecution"/> and wakes the waiters of that id when the write leaves it at rest, so a waiter reads
/// the run again once, not after every step.
/// </summary>
public sealed class RunSignals : DocumentSessionListenerBase
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiting = new();

    /// <summary>A task that completes when a committed change leaves the run at rest (or has already completed since the last call).</summary>
    public Task NextRest(Guid executionId) =>
        _waiting.GetOrAdd(executionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(Guid executionId) => _waiting.TryRemove(executionId, out _);

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var execution in commit.Updated.Concat(commit.Inserted).OfType<PlaybookExecution>())
            if (RunStatus.AtRest(execution.Status) && _waiting.TryRemove(execution.Id, out var waiter)) waiter.TrySetResult();
        return Task.CompletedTask;
    }
}
