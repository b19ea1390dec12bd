using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Schemas;

/// <summary>Walks a value and its schema together, adding what does not hold to an <see cref="ErrorList"/>.</summary>
internal sealed partial class SchemaWalker(JsonElement rootSchema, CancellationToken cancellationToken)
{
    // Schemas come from remote servers: a deep $ref chain must not overflow the stack, and a schema whose anyOf
    // branches fan out exponentially, or that sets uniqueItems, huge enums or many patterns on big arguments, must
    // not spin. Every piece of work is paid in steps; past either limit the whole check stops as too complex.
    public const int MaxDepth = 64;
    public const int MaxSteps = 1_000_000;

    private readonly SchemaPatterns patterns = new();
    // A $ref that leads back to itself for the same value only repeats what is being checked: no constraint.
    private readonly HashSet<(string Reference, ArgumentPath Path)> followedReferences = [];
    private int depth;

    /// <summary>The work done so far, in steps: one per subschema applied, more for work that grows with the input.</summary>
    public int Steps { get; private set; }

    /// <summary>The check ran past <see cref="MaxSteps"/> or <see cref="MaxDepth"/>, or a pattern past its time limit.</summary>
    public bool TooComplex { get; private set; }

    public void Check(JsonElement schema, JsonElement value, ArgumentPath path, ErrorList errors)
    {
        if (errors.IsFull || TooComplex) return;
        if (depth >= MaxDepth)
        {
            TooComplex = true;
            return;
        }
        if (!Spend(1)) return;
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

        if (schema.TryGetProperty("$ref"u8, out var reference) && reference.ValueKind == JsonValueKind.String)
            FollowReference(reference.GetString()!, value, path, errors);

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

    /// <summary>Pays for work; false once the budget is spent. Also where a cancelled call stops checking.</summary>
    private bool Spend(int cost)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Steps += cost;
        if (Steps > MaxSteps) TooComplex = true;
        return !TooComplex;
    }

    private void FollowReference(string reference, JsonElement value, ArgumentPath path, ErrorList errors)
    {
        if (!followedReferences.Add((reference, path)) || !Spend(1 + reference.Length / 16)) return;
        try
        {
            if (SchemaReferences.TryResolve(rootSchema, reference, out var target)) Check(target, value, path, errors);
        }
        finally
        {
            followedReferences.Remove((reference, path));
        }
    }

    private static bool CheckType(JsonElement schema, JsonElement value, ArgumentPath path, ErrorList errors)
    {
        if (JsonTypes.Allows(schema, value)) return true;
        errors.Add(path, $"must be {JsonTypes.Describe(JsonTypes.AllowedBy(schema))}", Mismatch.Type);
        return false;
    }

    private bool CheckEnumAndConst(JsonElement schema, JsonElement value, ArgumentPath path, ErrorList errors)
    {
        if (schema.TryGetProperty("const"u8, out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add(path, $"must be {constant.GetRawText()}", Mismatch.Discriminator);
            return false;
        }
        if (!schema.TryGetProperty("enum"u8, out var options) || options.ValueKind != JsonValueKind.Array) return true;
        if (!Spend(options.GetArrayLength())) return false;
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
