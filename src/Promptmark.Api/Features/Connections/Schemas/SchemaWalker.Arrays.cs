using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Schemas;

internal sealed partial class SchemaWalker
{
    private void CheckArray(JsonElement schema, JsonElement value, ArgumentPath path, ErrorList errors)
    {
        var count = value.GetArrayLength();
        if (schema.TryGetCount("minItems"u8, out var minItems) && count < minItems)
            errors.Add(path, $"must have at least {Plural(minItems, "item", "items")}");
        if (schema.TryGetCount("maxItems"u8, out var maxItems) && count > maxItems)
            errors.Add(path, $"must have at most {Plural(maxItems, "item", "items")}");
        if (schema.IsTrue("uniqueItems"u8) && FindDuplicate(value) is var (first, repeat))
            errors.Add(path, $"must not contain duplicates ({path.Item(repeat)} repeats {path.Item(first)})");

        var (leading, following) = ItemSchemas(schema);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (errors.IsFull || TooComplex) return;
            var itemSchema = index < leading.Count ? leading[index] : following;
            if (itemSchema is { } applicable) Check(applicable, item, path.Item(index), errors);
            index++;
        }
    }

    /// <summary>
    /// The schemas for the leading items (2020-12 <c>prefixItems</c>, or draft-07 <c>items</c> as a list)
    /// and the schema for every item after them (<c>items</c>, or draft-07 <c>additionalItems</c>).
    /// </summary>
    private static (IReadOnlyList<JsonElement> Leading, JsonElement? Following) ItemSchemas(JsonElement schema)
    {
        if (schema.TryGetArray("prefixItems"u8, out var prefixItems))
            return (prefixItems.EnumerateArray().ToList(), schema.TryGetSchema("items"u8, out var items) ? items : null);
        if (schema.TryGetArray("items"u8, out var tuple))
            return (tuple.EnumerateArray().ToList(), schema.TryGetSchema("additionalItems"u8, out var additional) ? additional : null);
        return ([], schema.TryGetSchema("items"u8, out var every) ? every : null);
    }

    /// <summary>The first repeated item, found by hashing each item once; null when none (or the budget ran out).</summary>
    private (int First, int Repeat)? FindDuplicate(JsonElement array)
    {
        var seen = new Dictionary<int, List<(int Index, JsonElement Item)>>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var nodes = 0;
            var hash = JsonHash.Of(item, ref nodes);
            if (!Spend(nodes)) return null;
            if (!seen.TryGetValue(hash, out var sameHash)) seen[hash] = sameHash = [];
            foreach (var earlier in sameHash)
            {
                if (!Spend(nodes)) return null;
                if (JsonElement.DeepEquals(earlier.Item, item)) return (earlier.Index, index);
            }
            sameHash.Add((index, item));
            index++;
        }
        return null;
    }
}
