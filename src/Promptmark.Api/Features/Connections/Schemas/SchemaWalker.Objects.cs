using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Schemas;

internal sealed partial class SchemaWalker
{
    private void CheckObject(JsonElement schema, JsonElement value, ArgumentPath path, ErrorList errors)
    {
        // JsonElement.TryGetProperty scans linearly; indexing the fields once keeps wide objects linear.
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var field in value.EnumerateObject()) fields[field.Name] = field.Value;

        if (schema.TryGetCount("minProperties"u8, out var minProperties) && fields.Count < minProperties)
            errors.Add(path, $"must have at least {Plural(minProperties, "property", "properties")}");
        if (schema.TryGetCount("maxProperties"u8, out var maxProperties) && fields.Count > maxProperties)
            errors.Add(path, $"must have at most {Plural(maxProperties, "property", "properties")}");

        if (schema.TryGetArray("required"u8, out var required))
        {
            foreach (var name in required.EnumerateArray())
            {
                if (name.ValueKind == JsonValueKind.String && !fields.ContainsKey(name.GetString()!))
                    errors.Add(path.Property(name.GetString()!), "is required");
            }
        }

        var declared = new HashSet<string>(StringComparer.Ordinal);
        if (schema.TryGetObject("properties"u8, out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (errors.IsFull || TooComplex) return;
                if (!fields.TryGetValue(property.Name, out var field)) continue;
                declared.Add(property.Name);
                Check(property.Value, field, path.Property(property.Name), errors);
            }
        }

        var hasPatterns = schema.TryGetObject("patternProperties"u8, out var patterns);
        var hasAdditional = schema.TryGetSchema("additionalProperties"u8, out var additional);
        if (!hasPatterns && !hasAdditional) return;
        foreach (var (name, field) in fields)
        {
            if (errors.IsFull || TooComplex) return;
            if (declared.Contains(name)) continue;
            var matchedPattern = hasPatterns && CheckPatternProperties(patterns, name, field, path, errors);
            if (!matchedPattern && hasAdditional) Check(additional, field, path.Property(name), errors);
        }
    }

    /// <summary>Checks the field against every pattern its name matches; true when at least one matched.</summary>
    private bool CheckPatternProperties(JsonElement patterns, string name, JsonElement field, ArgumentPath path, ErrorList errors)
    {
        var matched = false;
        foreach (var pattern in patterns.EnumerateObject())
        {
            if (TooComplex) break;
            if (Matches(pattern.Name, name) != true) continue;
            matched = true;
            Check(pattern.Value, field, path.Property(name), errors);
        }
        return matched;
    }
}
