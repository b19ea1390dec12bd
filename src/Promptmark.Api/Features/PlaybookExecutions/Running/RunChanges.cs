using Marten;
using Promptmark.Api.Engines.Playbooks;
using Promptmark.Api.Engines.Playbooks.Execution;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.PlaybookExecutions.Running;

/// <summary>
/// The changes that set a run going, each stored in one transaction with the message for its first move. They are
/// invoked (not queued) by the doors, which then wait for the run to come to rest; a trigger would only invoke them.
/// </summary>
public sealed record StartPlaybookRun(PlaybookExecution Execution);

/// <summary>Go on after a breakpoint, with <see cref="Overrides"/> replacing variable values first.</summary>
public sealed record ResumePlaybookRun(Guid ExecutionId, IReadOnlyDictionary<string, string> Overrides);

/// <summary>Give the step an awaiting run waits at its response, and go on.</summary>
public sealed record AnswerPlaybookElicitation(Guid ExecutionId, string Response);

/// <summary>
/// Run a failed run's failed step again and go on (an extension beyond the spec): the completed steps keep their
/// outputs and are not run again.
/// </summary>
public sealed record RetryPlaybookRun(Guid ExecutionId);

public static class RunChangesHandler
{
    public static AdvancePlaybookRun Handle(StartPlaybookRun message, IDocumentSession session)
    {
        session.Insert(message.Execution);
        return new AdvancePlaybookRun(message.Execution.Id, message.Execution.Run.Cursor);
    }

    public static async Task<AdvancePlaybookRun> Handle(ResumePlaybookRun message, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var execution = await LoadWaitingAsync(session, message.ExecutionId, RunStatus.Paused, "resume_playbook_execution", clock, ct);
        foreach (var (name, value) in message.Overrides)
        {
            if (execution.Run.NamedOutputs.ContainsKey(name)) execution.Run.NamedOutputs[name] = value;
            else execution.Run.InputValues[name] = value;
        }
        return Restart(session, execution, clock);
    }

    public static async Task<AdvancePlaybookRun> Handle(AnswerPlaybookElicitation message, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var execution = await LoadWaitingAsync(session, message.ExecutionId, RunStatus.AwaitingInput, "respond_to_elicitation", clock, ct);
        var label = execution.Run.StoppedAt!;
        var step = PlaybookCache.Parse(execution.Content).Definition!.AllSteps().Single(s => s.Label == label);
        var (accepted, refusal) = Elicitations.Accept(step.Elicitation!, message.Response);
        if (accepted is null) throw new InvalidInputException("response", refusal!);
        execution.Run.ElicitResponses[label] = accepted;
        execution.Run.NamedOutputs[Elicitations.ResponseName(label)] = accepted;
        return Restart(session, execution, clock);
    }

    public static async Task<AdvancePlaybookRun> Handle(RetryPlaybookRun message, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var execution = await session.LoadAsync<PlaybookExecution>(message.ExecutionId, ct) ?? throw new NotFoundException(ExecutionAccess.What);
        if (execution.Status != RunStatus.Failed)
            throw new ConflictException($"the execution is {execution.Status}: only a failed execution can be retried");
        execution.Run.Steps.RemoveAll(s => s.Status == RunStatus.Failed);
        execution.Run.Error = null;
        execution.CompletedAt = null;
        return Restart(session, execution, clock);
    }

    private static async Task<PlaybookExecution> LoadWaitingAsync(IDocumentSession session, Guid id, string status, string tool, TimeProvider clock, CancellationToken ct)
    {
        var execution = await session.LoadAsync<PlaybookExecution>(id, ct) ?? throw new NotFoundException(ExecutionAccess.What);
        if (RunStatus.Waiting(execution.Status) && execution.ExpiresAt <= clock.GetUtcNow())
            throw new ConflictException($"the execution expired: it waited more than {PlaybookExecution.WaitingLifetime.TotalHours:N0} hours");
        if (execution.Status != status)
            throw new ConflictException($"the execution is {execution.Status}: {tool} applies only to a {status} execution");
        return execution;
    }

    private static AdvancePlaybookRun Restart(IDocumentSession session, PlaybookExecution execution, TimeProvider clock)
    {
        execution.Run.Status = RunStatus.Running;
        execution.Run.StoppedAt = null;
        execution.Run.Cursor++;
        execution.Touch(clock.GetUtcNow());
        session.Store(execution);
        return new AdvancePlaybookRun(execution.Id, execution.Run.Cursor);
    }
}
