namespace Promptmark.Api.Engines.Playbooks.Execution;

/// <summary>
/// Finds the next step a run must take (spec/branching.md): steps in order; at a branching step, first its own content
/// (when it has any), then the first arm whose condition holds (else the <c>else</c> arm), whose sub-steps run in order.
/// A branching step without content whose conditions all fail is skipped.
/// </summary>
public static class RunWalker
{
    /// <param name="commit">Record the arms chosen (and the steps skipped) on the way; false only looks.</param>
    public static PlaybookStep? Next(PlaybookDefinition definition, RunState state, bool commit)
    {
        foreach (var step in definition.Steps)
        {
            if (HasOwnWork(step) && !Finished(state, step.Label)) return step;
            if (!step.IsBranching) continue;
            if (!state.BranchChoices.TryGetValue(step.Label, out var arm))
            {
                arm = Choose(step.Branches ?? [], state.Variables());
                if (commit) Record(state, step, arm);
            }
            if (arm < 0) continue;
            if (step.Branches![arm].Steps.FirstOrDefault(s => !Finished(state, s.Label)) is { } sub) return sub;
        }
        return null;
    }

    /// <summary>Content, a tool, an elicitation or a prompt reference: something to run besides any branches.</summary>
    public static bool HasOwnWork(PlaybookStep step) =>
        step.Content.Length > 0 || step.ToolCall is not null || step.Elicitation is not null || step.PromptRef is not null || !step.IsBranching;

    /// <summary>The first arm whose condition holds (an undefined variable is ""), the else arm, or -1.</summary>
    public static int Choose(IReadOnlyList<PlaybookBranch> branches, IReadOnlyDictionary<string, string> variables)
    {
        for (var i = 0; i < branches.Count; i++)
        {
            if (branches[i].Condition is not { } condition) return i;
            var equal = variables.GetValueOrDefault(condition.Variable, "") == condition.Value;
            if (equal == (condition.Operator == "==")) return i;
        }
        return -1;
    }

    private static void Record(RunState state, PlaybookStep step, int arm)
    {
        state.BranchChoices[step.Label] = arm;
        if (arm < 0 && !HasOwnWork(step))
            state.Steps.Add(new StepRecord { Number = step.Number, Label = step.Label, Title = step.Title, Status = RunStatus.Skipped });
    }

    private static bool Finished(RunState state, string label) => state.Record(label)?.Status is RunStatus.Completed or RunStatus.Skipped;
}
