namespace Promptmark.Api.Engines.Playbooks.Execution;

/// <summary>What one step (or branch sub-step) of a run did: its output, and what producing it used and cost.</summary>
public sealed class StepRecord
{
    public int Number { get; set; }

    /// <summary>"2" for a step, "2a" for a branch sub-step.</summary>
    public string Label { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>One of <see cref="RunStatus"/>'s step states: completed, failed, skipped, awaiting_input.</summary>
    public string Status { get; set; } = RunStatus.Completed;

    /// <summary>The step's output: the model's answer, the tool's result or the person's response.</summary>
    public string Content { get; set; } = "";

    /// <summary>model, tool, elicitation, or none (a skipped step).</summary>
    public string Source { get; set; } = StepSources.None;

    public string? ModelId { get; set; }
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
    public decimal CostUsd { get; set; }
    public long LatencyMs { get; set; }

    /// <summary>The audited tool execution a <c>@tool</c> step made (list_mcp_executions shows it).</summary>
    public Guid? ToolExecutionId { get; set; }

    public string? OutputVar { get; set; }
    public string? Error { get; set; }
    public List<string> Warnings { get; set; } = [];
    public DateTimeOffset? CompletedAt { get; set; }
}

public static class StepSources
{
    public const string Model = "model", Tool = "tool", Elicitation = "elicitation", None = "none";
}
