using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Schemas;

/// <summary>
/// Resolves <c>$ref</c>s that point into the same document (<c>#</c>, <c>#/$defs/Item</c>, <c>#/definitions/Item</c>,
/// <c>#/properties/a</c>); anything else (remote documents, anchors, broken pointers) does not resolve.
/// </summary>
internal static class SchemaReferences
{
    public static bool TryResolve(JsonElement root, string text, out JsonElement target)
    {
        target = root;
        if (!text.StartsWith('#')) return false;

        var pointer = Uri.UnescapeDataString(text[1..]);
        if (pointer.Length == 0) return true;
        if (!pointer.StartsWith('/')) return false;

        foreach (var token in pointer[1..].Split('/'))
        {
            if (!TryStep(target, token.Replace("~1", "/").Replace("~0", "~"), out target)) return false;
        }
        return true;
    }

    private static bool TryStep(JsonElement current, string token, out JsonElement next)
    {
        next = default;
        if (current.ValueKind == JsonValueKind.Object) return current.TryGetProperty(token, out next);
        if (current.ValueKind != JsonValueKind.Array || !int.TryParse(token, out var index)
            || index < 0 || index >= current.GetArrayLength()) return false;
        next = current[index];
        return true;
    }
}
