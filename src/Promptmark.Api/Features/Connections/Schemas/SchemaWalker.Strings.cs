using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Schemas;

internal sealed partial class SchemaWalker
{
    private static void CheckString(JsonElement schema, string value, ArgumentPath path, ErrorList errors)
    {
        // JSON Schema measures length in Unicode code points, so an emoji counts once, not twice.
        var length = value.EnumerateRunes().Count();
        if (schema.TryGetCount("minLength"u8, out var minLength) && length < minLength)
            errors.Add(path, $"must be at least {Plural(minLength, "character", "characters")}");
        if (schema.TryGetCount("maxLength"u8, out var maxLength) && length > maxLength)
            errors.Add(path, $"must be at most {Plural(maxLength, "character", "characters")}");

        if (schema.TryGetProperty("pattern"u8, out var pattern) && pattern.ValueKind == JsonValueKind.String
            && SchemaPatterns.Fails(pattern.GetString()!, value))
            errors.Add(path, $"must match the pattern {pattern.GetString()}");

        if (schema.TryGetProperty("format"u8, out var format) && format.ValueKind == JsonValueKind.String
            && StringFormats.Problem(format.GetString()!, value) is { } problem)
            errors.Add(path, problem);
    }

    private static string Plural(long count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";
}
