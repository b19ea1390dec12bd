using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Schemas;

/// <summary>Walks a value and its schema together, adding what does not hold to an <see cref="ErrorList"/>.</summary>
internal sealed partial class SchemaWalker(JsonElement rootSchema)
{
    // Schemas come from remote servers: a self-referencing $ref must not overflow the stack, and a schema
    // whose anyOf branches fan out exponentially must not spin. Past either limit a subschema is no constraint.
    private const int MaxDepth = 64;
    private const int MaxSteps = 100_000;

    private int depth;
    private int steps;

    public void Check(JsonElement schema, JsonElement value, ArgumentPath path, ErrorList errors)
    {
        if (errors.IsFull || depth >= MaxDepth || steps >= MaxSteps) return;
        steps++;
        depth++;
        try
        {
            CheckKeywords(schema, value, path, errors);
        }
        finally
        {
            depth--;
        }
    }

    private void CheckKeywords(JsonElement schema, JsonElement value, ArgumentPath path, ErrorList errors)
    {
        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add(path, "is not allowed");
            return;
        }
        if (schema.ValueKind != JsonValueKind.Object) return;
        if (value.ValueKind == JsonValueKind.Null && schema.IsTrue("nullable"u8)) return;

        if (schema.TryGetProperty("$ref"u8, out var reference) && SchemaReferences.TryResolve(rootSchema, reference, out var target))
            Check(target, value, path, errors);

        // A value of the wrong type or outside its enum would only collect noise from the remaining keywords.
        if (!CheckType(schema, value, path, errors) || !CheckEnumAndConst(schema, value, path, errors)) return;

        switch (value.ValueKind)
        {
            case JsonValueKind.String: CheckString(schema, value.GetString()!, path, errors); break;
            case JsonValueKind.Number: CheckNumber(schema, value, path, errors); break;
            case JsonValueKind.Array: CheckArray(schema, value, path, errors); break;
            case JsonValueKind.Object: CheckObject(schema, value, path, errors); break;
        }
        CheckCombinators(schema, value, path, errors);
    }

    private static bool CheckType(JsonElement schema, JsonElement value, ArgumentPath path, ErrorList errors)
    {
        if (JsonTypes.Allows(schema, value)) return true;
        errors.Add(path, $"must be {JsonTypes.Describe(JsonTypes.AllowedBy(schema))}", Mismatch.Type);
        return false;
    }

    private static bool CheckEnumAndConst(JsonElement schema, JsonElement value, ArgumentPath path, ErrorList errors)
    {
        if (schema.TryGetProperty("const"u8, out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add(path, $"must be {constant.GetRawText()}", Mismatch.Discriminator);
            return false;
        }
        if (!schema.TryGetProperty("enum"u8, out var options) || options.ValueKind != JsonValueKind.Array) return true;
        if (options.EnumerateArray().Any(option => JsonElement.DeepEquals(option, value))) return true;

        if (options.GetArrayLength() == 1)
            errors.Add(path, $"must be {options[0].GetRawText()}", Mismatch.Discriminator);
        else
            errors.Add(path, $"must be one of {ListValues(options)}");
        return false;
    }

    private static string ListValues(JsonElement options)
    {
        const int shown = 10;
        var listed = string.Join(", ", options.EnumerateArray().Take(shown).Select(option => option.GetRawText()));
        return options.GetArrayLength() > shown ? listed + ", …" : listed;
    }
}
