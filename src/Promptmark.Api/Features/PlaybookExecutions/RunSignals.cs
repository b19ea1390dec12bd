using System.Collections.Concurrent;
using Marten;
using Marten.Services;
using Promptmark.Api.Engines.Playbooks.Execution;
using Promptmark.Api.Features.PlaybookExecutions.Progress;

namespace Promptmark.Api.Features.PlaybookExecutions;

/// <summary>
/// Tells whoever waits on a run that it came to rest: a Marten listener sees every committed write of a
/// <see cref="PlaybookExecution"/> and wakes the waiters of that id when the write leaves it at rest, so a waiter reads
/// the run again once, not after every step. A progress stream instead watches every committed change (<see cref="Watch"/>)
/// and every text delta a model step publishes here (<see cref="Publish"/>): deltas are in-process only, so a subscriber on
/// another server sees a step arrive whole, at its commit.
/// </summary>
public sealed class RunSignals : DocumentSessionListenerBase
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiting = new();
    private readonly Dictionary<Guid, List<RunWatch>> _watches = [];

    /// <summary>A task that completes when a committed change leaves the run at rest (or has already completed since the last call).</summary>
    public Task NextRest(Guid executionId) =>
        _waiting.GetOrAdd(executionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(Guid executionId) => _waiting.TryRemove(executionId, out _);

    /// <summary>Wakes its holder after each committed change of the run, from now until disposed.</summary>
    public RunWatch Watch(Guid executionId)
    {
        var watch = new RunWatch(w => Unwatch(executionId, w));
        lock (_watches)
        {
            if (!_watches.TryGetValue(executionId, out var all)) _watches[executionId] = all = [];
            all.Add(watch);
        }
        return watch;
    }

    /// <summary>Hands a model step's text delta to the run's watches on this server; none is kept for later subscribers.</summary>
    public void Publish(StepDelta delta)
    {
        lock (_watches)
            if (_watches.TryGetValue(delta.ExecutionId, out var watches))
                foreach (var watch in watches) watch.Delta(delta);
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var execution in commit.Updated.Concat(commit.Inserted).OfType<PlaybookExecution>())
        {
            if (RunStatus.AtRest(execution.Status) && _waiting.TryRemove(execution.Id, out var waiter)) waiter.TrySetResult();
            lock (_watches)
                if (_watches.TryGetValue(execution.Id, out var watches))
                    foreach (var watch in watches) watch.Changed();
        }
        return Task.CompletedTask;
    }

    private void Unwatch(Guid executionId, RunWatch watch)
    {
        lock (_watches)
            if (_watches.TryGetValue(executionId, out var all) && all.Remove(watch) && all.Count == 0) _watches.Remove(executionId);
    }
}
