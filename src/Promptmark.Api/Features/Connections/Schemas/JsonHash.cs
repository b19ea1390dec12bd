using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Schemas;

/// <summary>
/// A hash that agrees with <see cref="JsonElement.DeepEquals"/>: numbers by value (1 and 1.0 alike), objects
/// whatever their property order. Lets uniqueItems find duplicates in one pass instead of comparing every pair.
/// </summary>
internal static class JsonHash
{
    /// <param name="nodes">How many values were visited, the work done, for the step budget.</param>
    public static int Of(JsonElement value, ref int nodes)
    {
        nodes++;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return HashCode.Combine(JsonValueKind.String, value.GetString());
            case JsonValueKind.Number:
                return HashCode.Combine(JsonValueKind.Number, value.TryGetDouble(out var number) ? number : 0);
            case JsonValueKind.Array:
                var ordered = new HashCode();
                foreach (var item in value.EnumerateArray()) ordered.Add(Of(item, ref nodes));
                return HashCode.Combine(JsonValueKind.Array, ordered.ToHashCode());
            case JsonValueKind.Object:
                var unordered = 0;
                foreach (var property in value.EnumerateObject())
                    unordered ^= HashCode.Combine(property.Name, Of(property.Value, ref nodes));
                return HashCode.Combine(JsonValueKind.Object, unordered);
            default:
                return value.ValueKind.GetHashCode();
        }
    }
}
