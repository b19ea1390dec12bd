using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Schemas;

/// <summary>Reads keyword values leniently: a keyword of the wrong JSON type is treated as absent.</summary>
internal static class SchemaElementExtensions
{
    public static bool IsTrue(this JsonElement schema, ReadOnlySpan<byte> keyword) =>
        schema.TryGetProperty(keyword, out var flag) && flag.ValueKind == JsonValueKind.True;

    /// <summary>A finite number; <paramref name="element"/> keeps it as written, for messages.</summary>
    public static bool TryGetNumber(this JsonElement schema, ReadOnlySpan<byte> keyword, out JsonElement element, out double number)
    {
        number = 0;
        return schema.TryGetProperty(keyword, out element) && element.ValueKind == JsonValueKind.Number
            && element.TryGetDouble(out number);
    }

    /// <summary>A non-negative whole count such as <c>minLength</c>; 3.0 counts as 3.</summary>
    public static bool TryGetCount(this JsonElement schema, ReadOnlySpan<byte> keyword, out long count)
    {
        count = 0;
        if (!schema.TryGetNumber(keyword, out _, out var number) || number < 0 || number != Math.Floor(number)
            || number > long.MaxValue) return false;
        count = (long)number;
        return true;
    }

    public static bool TryGetArray(this JsonElement schema, ReadOnlySpan<byte> keyword, out JsonElement array) =>
        schema.TryGetProperty(keyword, out array) && array.ValueKind == JsonValueKind.Array;

    public static bool TryGetObject(this JsonElement schema, ReadOnlySpan<byte> keyword, out JsonElement value) =>
        schema.TryGetProperty(keyword, out value) && value.ValueKind == JsonValueKind.Object;

    /// <summary>A subschema: an object or a boolean.</summary>
    public static bool TryGetSchema(this JsonElement schema, ReadOnlySpan<byte> keyword, out JsonElement subschema) =>
        schema.TryGetProperty(keyword, out subschema)
        && subschema.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False;
}
