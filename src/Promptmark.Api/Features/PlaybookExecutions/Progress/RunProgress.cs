using Promptmark.Api.Engines.Playbooks;
using Promptmark.Api.Engines.Playbooks.Execution;
using Promptmark.Api.Features.Connections.Executions;

namespace Promptmark.Api.Features.PlaybookExecutions.Progress;

/// <summary>A step the run is taking now: its model or tool call is under way.</summary>
public sealed record StepStarted(string Label, int Number, string Title);

/// <summary>
/// Turns successive reads of one run into the events of its progress stream: first <c>snapshot</c> (the run as it stands),
/// then, for what changed since the last read, <c>resumed</c> (it goes on after a stop), <c>step_started</c> and
/// <c>step_done</c> per step (with <c>step_delta</c>s between them while a model writes, see <see cref="Delta"/>), and the state it came to: <c>paused</c>, <c>awaiting_input</c>, or the last event, one of
/// <c>done</c>, <c>failed</c>, <c>cancelled</c>, <c>expired</c>. Reads may miss states in between (several steps can finish
/// between two reads): every finished step is still told, started then done, in order.
/// </summary>
public sealed class RunProgress
{
    private readonly HashSet<string> _told = [];
    private string? _status;
    private string? _started;

    public IReadOnlyList<ServerSentEvent> Read(PlaybookExecution execution, PlaybookDefinition? definition)
    {
        var events = new List<ServerSentEvent>();
        var view = ExecutionView.Of(execution);
        var fresh = execution.Run.Steps.Where(s => !_told.Contains(Key(s))).ToList();
        if (_status is null)
        {
            events.Add(new("snapshot", view));
            if (RunStatus.Over(execution.Status)) events.Add(new(EventFor(execution.Status), view));
        }
        else
        {
            var wentOn = fresh.Count > 0 || (_status != RunStatus.Running && execution.Status == RunStatus.Running);
            if (wentOn && _status != RunStatus.Running) events.Add(new("resumed", view));
            foreach (var step in fresh) Done(events, step);
            if (execution.Status != RunStatus.Running && (wentOn || execution.Status != _status)) events.Add(new(EventFor(execution.Status), view));
        }
        foreach (var step in fresh) _told.Add(Key(step));
        _status = execution.Status;
        if (definition is not null && StepRunner.Upcoming(definition, execution.Run) is { } upcoming && _started != upcoming.Label)
            Start(events, upcoming.Label, upcoming.Number, upcoming.Title);
        return events;
    }

    /// <summary>
    /// The <c>step_delta</c> event of a piece of text of the step last told as started, or null for a piece of a step already
    /// told done (its delta was overtaken by a read of the run that found the step finished).
    /// </summary>
    public ServerSentEvent? Delta(StepDelta delta) => delta.Label == _started ? new("step_delta", delta) : null;

    private void Done(List<ServerSentEvent> events, StepRecord step)
    {
        if (step.Status != RunStatus.Skipped && _started != step.Label) Start(events, step.Label, step.Number, step.Title);
        events.Add(new("step_done", StepView.Of(step)));
        _started = null;
    }

    private void Start(List<ServerSentEvent> events, string label, int number, string title)
    {
        events.Add(new("step_started", new StepStarted(label, number, title)));
        _started = label;
    }

    /// <summary>The event that tells a run stopped in <paramref name="status"/>.</summary>
    public static string EventFor(string status) => status == RunStatus.Completed ? "done" : status;

    private static string Key(StepRecord step) => $"{step.Label}|{step.Status}|{step.CompletedAt?.UtcTicks}";
}
