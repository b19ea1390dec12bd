using System.Globalization;
using System.Text.Json;
using Promptmark.Api.Features.Connections.Schemas;
using Promptmark.Api.Features.Connections.Tools;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Connections.Executions;

/// <summary>
/// Arguments must be a JSON object that fits the tool's cached input schema; every misfit is named at once (422),
/// and so is a schema that needs more work to check than the budget allows.
/// </summary>
public static class ArgumentChecks
{
    public const int MaxBytes = 1024 * 1024;

    public static IReadOnlyDictionary<string, JsonElement> Check(McpTool tool, JsonElement? arguments, CancellationToken ct)
    {
        var given = arguments is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } value ? value : EmptyObject;
        if (given.ValueKind != JsonValueKind.Object) throw new InvalidInputException("arguments", "must be a JSON object");
        if (given.GetRawText().Length > MaxBytes) throw new InvalidInputException("arguments", "must be at most 1 MB of JSON");

        var check = ToolArguments.Validate(tool.Schema(), given, ct);
        if (check.TooComplex)
            throw new UnprocessableException(
                $"the input schema of {tool.Name} is too complex to check: it needs more than {SchemaLimits} with these arguments",
                new Dictionary<string, object?> { ["errors"] = check.Problems });
        var problems = check.Problems;
        if (problems.Count > 0)
            throw new UnprocessableException(
                $"the arguments do not fit the input schema of {tool.Name}: {string.Join("; ", problems)}",
                new Dictionary<string, object?> { ["errors"] = problems });
        return given.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    private static readonly string SchemaLimits =
        string.Create(CultureInfo.InvariantCulture, $"{ToolArguments.MaxSteps:N0} steps or {ToolArguments.MaxDepth} levels of nesting");

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
}
