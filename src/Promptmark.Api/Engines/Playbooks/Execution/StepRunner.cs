namespace Promptmark.Api.Engines.Playbooks.Execution;

/// <summary>
/// The playbook state machine (spec/execution.md): each <see cref="AdvanceAsync"/> takes one move of a running run (one
/// step, with at most one model or tool call, and the end when it was the last; or a stop at a breakpoint or an
/// elicitation) and leaves the run's <see cref="RunState"/> as it must be stored. The host persists the state between
/// moves, so a run survives restarts between any two of them.
/// </summary>
public static class StepRunner
{
    public static async Task AdvanceAsync(PlaybookDefinition definition, RunState state, IStepHost host, DateTimeOffset now, CancellationToken ct)
    {
        if (state.Status != RunStatus.Running) return;
        state.Cursor++;
        if (StopsAtBreakpoint(state, RunWalker.Next(definition, state, commit: false))) return;

        var step = RunWalker.Next(definition, state, commit: true);
        if (step is null)
        {
            Complete(definition, state);
            return;
        }
        if (step.Elicitation is not null && !state.ElicitResponses.ContainsKey(step.Label))
        {
            state.Status = RunStatus.AwaitingInput;
            state.StoppedAt = step.Label;
            return;
        }

        var record = new StepRecord { Number = step.Number, Label = step.Label, Title = step.Title, OutputVar = step.OutputVar.Length > 0 ? step.OutputVar : null };
        try
        {
            await RunAsync(definition, step, state, record, host, ct);
            record.Status = RunStatus.Completed;
            state.StepOutputs[step.Label] = record.Content;
            if (record.OutputVar is { } name) state.NamedOutputs[name] = OutputCapture.Capture(step, record.Content);
        }
        catch (StepFailedException failure)
        {
            record.Status = RunStatus.Failed;
            record.Error = failure.Message;
            state.Status = RunStatus.Failed;
            state.Error = $"Step {step.Label} failed: {failure.Message}";
        }
        record.CompletedAt = now;
        state.StoppedAt = null;
        state.Steps.Add(record);
        // The last step's move ends the run too (no breakpoint stops after the last step): one move, read and commit less.
        // Only looked at first: an arm chosen now could not see a value a breakpoint before it lets the caller change.
        if (state.Status == RunStatus.Running && RunWalker.Next(definition, state, commit: false) is null)
        {
            RunWalker.Next(definition, state, commit: true); // records the branching steps skipped on the way
            Complete(definition, state);
        }
    }

    private static void Complete(PlaybookDefinition definition, RunState state)
    {
        state.Status = RunStatus.Completed;
        state.StoppedAt = null;
        state.ArtifactType = Interpolation.Render(definition.ArtifactType, state.Variables());
    }

    /// <summary>
    /// The step the next move of a running run will take (what a progress stream announces as started), or null when that
    /// move stops it at a breakpoint or an elicitation, or completes it. Changes nothing.
    /// </summary>
    public static PlaybookStep? Upcoming(PlaybookDefinition definition, RunState state)
    {
        if (state.Status != RunStatus.Running) return null;
        var next = RunWalker.Next(definition, state, commit: false);
        if (BreakpointBefore(state, next) is not null) return null;
        return next?.Elicitation is not null && !state.ElicitResponses.ContainsKey(next.Label) ? null : next;
    }

    private static bool StopsAtBreakpoint(RunState state, PlaybookStep? next)
    {
        if (BreakpointBefore(state, next) is not { } last) return false;
        state.BreakpointsPassed.Add(last.Number);
        state.Status = RunStatus.Paused;
        state.StoppedAt = last.Label;
        return true;
    }

    /// <summary>
    /// The step whose breakpoint stops the run before <paramref name="next"/>: a breakpoint on step N stops the run once N
    /// (with its sub-steps) is done and before the next step starts; never after the last step, and only once.
    /// </summary>
    private static StepRecord? BreakpointBefore(RunState state, PlaybookStep? next)
    {
        var last = state.Steps.LastOrDefault(s => s.Status is RunStatus.Completed or RunStatus.Skipped);
        if (last is null || next is null || next.Number == last.Number) return null;
        return state.Breakpoints.Contains(last.Number) && !state.BreakpointsPassed.Contains(last.Number) ? last : null;
    }

    private static async Task RunAsync(PlaybookDefinition definition, PlaybookStep step, RunState state, StepRecord record, IStepHost host, CancellationToken ct)
    {
        var variables = state.Variables();
        if (step.ToolCall is { } tool)
        {
            var arguments = tool.Arguments is null ? null : Interpolation.RenderJson(tool.Arguments, variables);
            var answer = await host.CallToolAsync(tool.ConnectionName, tool.ToolName, arguments, ct);
            (record.Source, record.Content, record.ToolExecutionId, record.LatencyMs) = (StepSources.Tool, answer.Text, answer.ExecutionId, answer.LatencyMs);
            return;
        }
        if (step.Elicitation is not null && step.Content.Length == 0 && step.PromptRef is null)
        {
            (record.Source, record.Content) = (StepSources.Elicitation, state.ElicitResponses[step.Label]);
            return;
        }

        var prompt = Interpolation.Render(step.Content, variables);
        if (step.PromptRef is { } reference && await PromptReferences.ResolveAsync(reference.PromptId, variables, host, record, ct) is { Length: > 0 } prepended)
            prompt = prompt.Length == 0 ? prepended : prepended + "\n\n" + prompt;
        var model = await host.AskAsync(step.Label, StepContext.System(definition.SystemPrompt, state, step), prompt, ct);
        record.Source = StepSources.Model;
        (record.Content, record.ModelId, record.InputTokens, record.OutputTokens, record.CostUsd, record.LatencyMs) =
            (model.Text, model.ModelId, model.InputTokens, model.OutputTokens, model.CostUsd, model.LatencyMs);
    }
}
