using System.Text.Json;
using Promptmark.Api.Engines.Playbooks;
using Promptmark.Api.Engines.Playbooks.Execution;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.PlaybookExecutions;

/// <summary>
/// A run as both doors show it: status, each step's output and accounting, the named outputs (typed as their
/// <c>@output</c> says), the artifact once completed, and what a stopped run waits for.
/// </summary>
[SchemaName("PlaybookExecutionView")]
public sealed record ExecutionView(
    Guid Id, Guid PlaybookId, string PlaybookTitle, string Status, string ModelId, IReadOnlyDictionary<string, string> InputValues,
    IReadOnlyList<int> Breakpoints, IReadOnlyList<StepView> Steps, IReadOnlyDictionary<string, JsonElement> Outputs, ArtifactView? Artifact,
    string? PausedAfterStep, PendingElicitation? Elicitation, RunTotals Totals, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt, DateTimeOffset? ExpiresAt)
{
    public static ExecutionView Of(PlaybookExecution execution)
    {
        var run = execution.Run;
        var steps = PlaybookCache.Parse(execution.Content).Definition?.AllSteps().ToList() ?? [];
        var outputs = run.NamedOutputs.Where(o => !o.Key.StartsWith(Elicitations.ResponsePrefix, StringComparison.Ordinal))
            .ToDictionary(o => o.Key, o => OutputValues.Typed(steps.LastOrDefault(s => s.OutputVar == o.Key)?.OutputType, o.Value));
        var waitingAt = execution.Status == RunStatus.AwaitingInput ? steps.FirstOrDefault(s => s.Label == run.StoppedAt) : null;
        return new(execution.Id, execution.PlaybookId, execution.PlaybookTitle, execution.Status, execution.ModelId, run.InputValues, run.Breakpoints,
            run.Steps.Select(StepView.Of).ToList(), outputs,
            execution.Status == RunStatus.Completed ? new ArtifactView(run.ArtifactType, run.Steps.LastOrDefault(s => s.Status == RunStatus.Completed)?.Content ?? "") : null,
            execution.Status == RunStatus.Paused ? run.StoppedAt : null,
            waitingAt?.Elicitation is { } e ? new PendingElicitation(waitingAt.Label, e.Type, e.Prompt, e.Options) : null,
            RunTotals.Of(run.Steps), run.Error, execution.CreatedAt, execution.UpdatedAt, execution.CompletedAt, execution.ExpiresAt);
    }
}

public sealed record StepView(
    string Label, int Number, string Title, string Status, string Source, string Content, string? ModelId, long InputTokens, long OutputTokens,
    decimal CostUsd, long LatencyMs, string? OutputVar, Guid? ToolExecutionId, string? Error, IReadOnlyList<string> Warnings, DateTimeOffset? CompletedAt)
{
    public static StepView Of(StepRecord r) => new(r.Label, r.Number, r.Title, r.Status, r.Source, r.Content, r.ModelId, r.InputTokens, r.OutputTokens,
        r.CostUsd, r.LatencyMs, r.OutputVar, r.ToolExecutionId, r.Error, r.Warnings, r.CompletedAt);
}

/// <summary>The final output: the last completed step's, with the type of <c>## ARTIFACTS</c> (its variables filled in; "" when untyped).</summary>
public sealed record ArtifactView(string Type, string Content);

/// <summary>What an awaiting run asks: answer it with respond_to_elicitation.</summary>
public sealed record PendingElicitation(string Step, string Type, string Prompt, IReadOnlyList<string>? Options);

public sealed record RunTotals(long InputTokens, long OutputTokens, decimal CostUsd, long LatencyMs)
{
    public static RunTotals Of(IEnumerable<StepRecord> steps)
    {
        var all = steps.ToList();
        return new(all.Sum(s => s.InputTokens), all.Sum(s => s.OutputTokens), all.Sum(s => s.CostUsd), all.Sum(s => s.LatencyMs));
    }
}

/// <summary>A run in a list: no step contents.</summary>
public sealed record ExecutionSummary(Guid Id, Guid PlaybookId, string Status, string ModelId, int StepCount, RunTotals Totals, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt)
{
    public static ExecutionSummary Of(PlaybookExecution e) =>
        new(e.Id, e.PlaybookId, e.Status, e.ModelId, e.Run.Steps.Count, RunTotals.Of(e.Run.Steps), e.Run.Error, e.CreatedAt, e.CompletedAt);
}

public sealed record ExecutionPage(IReadOnlyList<ExecutionSummary> Executions, long Total, int Page, int PageSize);
