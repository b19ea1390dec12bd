namespace Promptmark.Api.Engines.Playbooks.Execution;

/// <summary>
/// Everything a run needs to go on from where it stands (spec/execution.md, "State Persistence"): values, outputs, the
/// branch arms chosen, the step records. <see cref="Cursor"/> counts the changes made, so that a message to advance the
/// run from an older state is recognised and dropped.
/// </summary>
public sealed class RunState
{
    public string Status { get; set; } = RunStatus.Running;
    public int Cursor { get; set; }
    public Dictionary<string, string> InputValues { get; set; } = [];

    /// <summary>Each finished step's output, by label.</summary>
    public Dictionary<string, string> StepOutputs { get; set; } = [];

    /// <summary>The <c>@output</c> captures (and <c>__elicit_step_N</c> responses), as text.</summary>
    public Dictionary<string, string> NamedOutputs { get; set; } = [];

    public List<int> Breakpoints { get; set; } = [];

    /// <summary>Breakpoints already stopped at: a resumed run does not stop there again.</summary>
    public List<int> BreakpointsPassed { get; set; } = [];

    /// <summary>The arm taken at each branching step (its index), or -1 when none matched.</summary>
    public Dictionary<string, int> BranchChoices { get; set; } = [];

    public Dictionary<string, string> ElicitResponses { get; set; } = [];
    public List<StepRecord> Steps { get; set; } = [];

    /// <summary>The step a paused run stopped after, or an awaiting run waits at.</summary>
    public string? StoppedAt { get; set; }

    public string? Error { get; set; }

    /// <summary>The artifact type with its <c>{{variables}}</c> resolved, once the run completed.</summary>
    public string ArtifactType { get; set; } = "";

    /// <summary>What a <c>{{name}}</c> resolves to: named outputs over input values.</summary>
    public IReadOnlyDictionary<string, string> Variables()
    {
        var all = new Dictionary<string, string>(InputValues);
        foreach (var (name, value) in NamedOutputs) all[name] = value;
        return all;
    }

    public StepRecord? Record(string label) => Steps.LastOrDefault(s => s.Label == label);
}
