using System.Text.Json.Serialization;

namespace Promptmark.Api.Engines.Playbooks;

// The PLAYBOOK.md parse result, field for field the spec's ParseResult (docs/reference/playbook-spec/tests/README.md).
// Optional parts the spec omits when empty are left out of the JSON when null; strings the vectors always carry
// (description, content, output_var, extract_field, artifact_type) are "" when empty.

/// <summary>What parsing a playbook gives: the definition (null on a fatal error), warnings and errors.</summary>
public sealed record PlaybookParseResult(PlaybookDefinition? Definition, IReadOnlyList<PlaybookDiagnostic> Warnings, IReadOnlyList<PlaybookDiagnostic> Errors)
{
    /// <summary>True when there is a definition and no error: the playbook can be saved and run.</summary>
    [JsonPropertyOrder(-1)]
    public bool Valid => Definition is not null && Errors.Count == 0;
}

/// <summary>A warning or error, located at a 1-based line and column of the document.</summary>
public sealed record PlaybookDiagnostic(int Line, int Column, string Message);

public sealed record PlaybookDefinition(
    string Title,
    string Description,
    string SystemPrompt,
    IReadOnlyList<PlaybookInput> Inputs,
    IReadOnlyList<PlaybookStep> Steps,
    string ArtifactType)
{
    /// <summary>The names captured by <c>@output</c> anywhere in the playbook (branch sub-steps included), in document order, each once.</summary>
    public IReadOnlyList<string> OutputVars() => AllSteps().Select(s => s.OutputVar).Where(v => v.Length > 0).Distinct().ToList();

    /// <summary>Every step and branch sub-step, in document order.</summary>
    public IEnumerable<PlaybookStep> AllSteps() => Steps.SelectMany(s => (IEnumerable<PlaybookStep>)[s, .. (s.Branches ?? []).SelectMany(b => b.Steps)]);
}

public sealed record PlaybookInput(
    string Name,
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Default,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Options,
    string Description,
    bool Required,
    int Line);

public sealed record PlaybookStep(
    int Number,
    string Label,
    string Title,
    string Content,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PromptReference? PromptRef,
    string OutputVar,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OutputType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? OutputOptions,
    string ExtractField,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Elicitation? Elicitation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ToolCall? ToolCall,
    bool IsBranching,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PlaybookBranch>? Branches,
    int Line);

/// <summary>One arm of a step's branch block; <see cref="Condition"/> is null for <c>else</c>.</summary>
public sealed record PlaybookBranch(BranchCondition? Condition, IReadOnlyList<PlaybookStep> Steps);

/// <summary><c>variable operator "value"</c>; <see cref="Source"/> is input, step_output or undeclared.</summary>
public sealed record BranchCondition(string Variable, string Operator, string Value, string Source);

public sealed record Elicitation(
    string Type,
    string Prompt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Options);

/// <summary><c>@tool(connection, tool, {arguments})</c>; the arguments stay text, since they may hold <c>{{placeholders}}</c>.</summary>
public sealed record ToolCall(
    string ConnectionName,
    string ToolName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Arguments);

/// <summary>The argument of <c>@prompt(...)</c> as written: <c>library:id</c>, <c>mcp:server/name</c>, <c>{{variable}}</c> or a bare id.</summary>
public sealed record PromptReference(string PromptId);
