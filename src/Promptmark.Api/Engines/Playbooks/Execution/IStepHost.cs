namespace Promptmark.Api.Engines.Playbooks.Execution;

/// <summary>What the runner asks of whoever hosts a run: model calls, tool calls and prompt lookups, each for the run's owner.</summary>
public interface IStepHost
{
    /// <summary>
    /// One model call for step <paramref name="label"/>: the system message (system prompt and accumulated context) and the
    /// step's prompt. The host may show the answer's text as it is written; the answer returned is the whole of it.
    /// </summary>
    /// <exception cref="StepFailedException">The provider refused or failed; the message says why.</exception>
    Task<ModelAnswer> AskAsync(string label, string system, string prompt, CancellationToken ct);

    /// <param name="argumentsJson">The rendered JSON arguments, or null for none.</param>
    /// <exception cref="StepFailedException">No such connection or tool, bad arguments, or the tool failed.</exception>
    Task<ToolAnswer> CallToolAsync(string connectionName, string toolName, string? argumentsJson, CancellationToken ct);

    /// <summary>The text of <c>@prompt(scheme:identifier)</c> (a bare identifier comes with scheme <c>library</c>).</summary>
    Task<ResolvedPrompt> ResolvePromptAsync(string scheme, string identifier, IReadOnlyDictionary<string, string> variables, CancellationToken ct);
}

public sealed record ModelAnswer(string Text, string ModelId, long InputTokens, long OutputTokens, decimal CostUsd, long LatencyMs);

public sealed record ToolAnswer(string Text, Guid ExecutionId, long LatencyMs);

/// <summary>The prompt's text, or (when it cannot be had) a warning: the step then runs with its own content.</summary>
public sealed record ResolvedPrompt(string? Text, string? Warning)
{
    public static ResolvedPrompt Unavailable(string warning) => new(null, warning);
}

/// <summary>A step could not produce its output; the run fails with this message.</summary>
public sealed class StepFailedException(string message) : Exception(message);
