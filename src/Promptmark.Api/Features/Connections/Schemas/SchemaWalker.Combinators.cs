using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Schemas;

internal sealed partial class SchemaWalker
{
    private void CheckCombinators(JsonElement schema, JsonElement value, ArgumentPath path, ErrorList errors)
    {
        if (schema.TryGetArray("allOf"u8, out var allOf))
        {
            foreach (var branch in allOf.EnumerateArray()) Check(branch, value, path, errors);
        }
        if (schema.TryGetArray("anyOf"u8, out var anyOf)) CheckAnyOf(anyOf, value, path, errors);
        if (schema.TryGetArray("oneOf"u8, out var oneOf)) CheckOneOf(oneOf, value, path, errors);
        if (schema.TryGetSchema("not"u8, out var excluded) && CheckBranch(excluded, value, path).IsEmpty)
            errors.Add(path, "must not match the excluded schema");
    }

    private void CheckAnyOf(JsonElement branches, JsonElement value, ArgumentPath path, ErrorList errors)
    {
        var failures = new List<ErrorList>();
        foreach (var branch in branches.EnumerateArray())
        {
            var branchErrors = CheckBranch(branch, value, path);
            if (branchErrors.IsEmpty) return;
            failures.Add(branchErrors);
        }
        if (failures.Count > 0) ReportNoBranchMatched(branches, failures, path, errors);
    }

    private void CheckOneOf(JsonElement branches, JsonElement value, ArgumentPath path, ErrorList errors)
    {
        var failures = new List<ErrorList>();
        var matches = 0;
        foreach (var branch in branches.EnumerateArray())
        {
            var branchErrors = CheckBranch(branch, value, path);
            if (branchErrors.IsEmpty) matches++;
            else failures.Add(branchErrors);
        }
        if (matches > 1) errors.Add(path, $"must match exactly one of the allowed shapes, but matches {matches}");
        else if (matches == 0 && failures.Count > 0) ReportNoBranchMatched(branches, failures, path, errors);
    }

    private ErrorList CheckBranch(JsonElement branch, JsonElement value, ArgumentPath path)
    {
        var branchErrors = new ErrorList(ToolArguments.MaxErrors);
        Check(branch, value, path, branchErrors);
        return branchErrors;
    }

    /// <summary>
    /// When exactly one branch has the value's shape (its type, its tagged-union discriminator), that branch's
    /// own errors say best what to fix; otherwise name the allowed types, or fall back to a general message.
    /// </summary>
    private static void ReportNoBranchMatched(JsonElement branches, List<ErrorList> failures, ArgumentPath path, ErrorList errors)
    {
        var fitting = failures.Where(failure => failure.FitsShapeAt(path)).ToList();
        if (fitting.Count == 1)
        {
            errors.AddRange(fitting[0]);
            return;
        }
        var branchTypes = branches.EnumerateArray()
            .Select(branch => branch.ValueKind == JsonValueKind.Object ? JsonTypes.AllowedBy(branch) : [])
            .ToList();
        if (fitting.Count == 0 && branchTypes.All(types => types.Count > 0))
            errors.Add(path, $"must be {JsonTypes.Describe(branchTypes.SelectMany(types => types).ToList())}", Mismatch.Type);
        else
            errors.Add(path, "must match one of the allowed shapes");
    }
}
