using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Schemas;

/// <summary>The JSON Schema <c>type</c> keyword: which types a schema allows, and how to say so.</summary>
internal static class JsonTypes
{
    private static readonly string[] Known = ["string", "number", "integer", "boolean", "object", "array", "null"];

    /// <summary>
    /// False only when <c>type</c> names known types and the value is none of them. Compares names in place:
    /// this runs for every value, so it allocates nothing.
    /// </summary>
    public static bool Allows(JsonElement schema, JsonElement value)
    {
        if (!schema.TryGetProperty("type"u8, out var type)) return true;
        return type.ValueKind switch
        {
            JsonValueKind.String => Matches(type, value) || !IsKnown(type),
            JsonValueKind.Array => type.GetArrayLength() == 0
                || type.EnumerateArray().Any(name => name.ValueKind == JsonValueKind.String && Matches(name, value))
                || !type.EnumerateArray().All(IsKnown),
            _ => true,
        };
    }

    /// <summary>The type names the schema allows, with null added for OpenAPI's <c>nullable</c>; empty for no constraint.</summary>
    public static IReadOnlyList<string> AllowedBy(JsonElement schema)
    {
        if (!schema.TryGetProperty("type"u8, out var type)) return [];
        List<string> names = type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array when type.EnumerateArray().All(IsKnown) => type.EnumerateArray().Select(name => name.GetString()!).ToList(),
            _ => [],
        };
        if (names.Count == 0 || !names.All(Known.Contains)) return [];
        if (schema.IsTrue("nullable"u8) && !names.Contains("null")) names.Add("null");
        return names;
    }

    /// <summary><c>a string</c>, <c>a string or null</c>, <c>a string, a number or null</c>.</summary>
    public static string Describe(IReadOnlyList<string> types)
    {
        var described = types.Distinct().OrderBy(type => type == "null").Select(Describe).ToList();
        return described.Count == 1
            ? described[0]
            : $"{string.Join(", ", described.Take(described.Count - 1))} or {described[^1]}";
    }

    private static string Describe(string type) => type switch
    {
        "integer" => "an integer",
        "object" => "an object",
        "array" => "an array",
        "null" => "null",
        _ => $"a {type}",
    };

    private static bool Matches(JsonElement name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => name.ValueEquals("string"u8),
        JsonValueKind.Number => name.ValueEquals("number"u8) || (name.ValueEquals("integer"u8) && IsInteger(value)),
        JsonValueKind.True or JsonValueKind.False => name.ValueEquals("boolean"u8),
        JsonValueKind.Object => name.ValueEquals("object"u8),
        JsonValueKind.Array => name.ValueEquals("array"u8),
        JsonValueKind.Null => name.ValueEquals("null"u8),
        _ => false,
    };

    private static bool IsKnown(JsonElement name) =>
        name.ValueKind == JsonValueKind.String && Known.Any(name.ValueEquals);

    // JSON Schema counts 1.0 and 1e2 as integers: what matters is the value, not how it is written.
    private static bool IsInteger(JsonElement value) =>
        value.TryGetInt64(out _)
        || (value.TryGetDecimal(out var exact) ? exact == decimal.Truncate(exact)
            : value.TryGetDouble(out var approximate) && approximate == Math.Floor(approximate));
}
