using System.Collections.Concurrent;
using Marten;
using Marten.Services;

namespace Promptmark.Api.Features.PlaybookExecutions;

/// <summary>
/// Tells whoever waits on a run that it changed: a Marten listener sees every committed write of a
/// <see cref="PlaybookExecution"/> and wakes the waiters of that id, who then read it again.
/// </summary>
public sealed class RunSignals : DocumentSessionListenerBase
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiting = new();

    /// <summary>A task that completes at the next committed change of the run (or has already completed since the last call).</summary>
    public Task NextChange(Guid executionId) =>
        _waiting.GetOrAdd(executionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(Guid executionId) => _waiting.TryRemove(executionId, out _);

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var execution in commit.Updated.Concat(commit.Inserted).OfType<PlaybookExecution>())
            if (_waiting.TryRemove(execution.Id, out var waiter)) waiter.TrySetResult();
        return Task.CompletedTask;
    }
}
