using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Schemas;

internal sealed partial class SchemaWalker
{
    private void CheckString(JsonElement schema, string value, ArgumentPath path, ErrorList errors)
    {
        // JSON Schema measures length in Unicode code points, so an emoji counts once, not twice.
        var length = value.EnumerateRunes().Count();
        if (schema.TryGetCount("minLength"u8, out var minLength) && length < minLength)
            errors.Add(path, $"must be at least {Plural(minLength, "character", "characters")}");
        if (schema.TryGetCount("maxLength"u8, out var maxLength) && length > maxLength)
            errors.Add(path, $"must be at most {Plural(maxLength, "character", "characters")}");

        if (schema.TryGetProperty("pattern"u8, out var pattern) && pattern.ValueKind == JsonValueKind.String
            && Matches(pattern.GetString()!, value) == false)
            errors.Add(path, $"must match the pattern {pattern.GetString()}");

        if (schema.TryGetProperty("format"u8, out var format) && format.ValueKind == JsonValueKind.String
            && StringFormats.Problem(format.GetString()!, value) is { } problem)
            errors.Add(path, problem);
    }

    /// <summary>Whether the value matches; null when the pattern is unusable (no constraint) or the budget is spent.</summary>
    private bool? Matches(string pattern, string value)
    {
        // A regex search costs about ten subschema steps, and more with the length of the text it scans.
        if (!Spend(10 + value.Length / 64)) return null;
        switch (patterns.Match(pattern, value))
        {
            case PatternOutcome.Match: return true;
            case PatternOutcome.NoMatch: return false;
            case PatternOutcome.TimedOut: TooComplex = true; return null;
            default: return null;
        }
    }

    private static string Plural(long count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";
}
