using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Promptmark.Api.Tests.Infrastructure.HostileInput;

/// <summary>One tool call of the battery: the tool's required arguments as plain values, <see cref="Field"/> set to a hostile one.</summary>
public sealed record McpProbe(string ToolName, IReadOnlyDictionary<string, object?> Arguments, string Field, string Kind, bool Invalid)
{
    public override string ToString() => $"{ToolName} [{Field}: {Kind}]";
}

/// <summary>Builds the battery for every tool of the catalog from its input schema.</summary>
public static class McpProbes
{
    public static IEnumerable<McpProbe> From(IEnumerable<Tool> tools, Func<string, string, string?> ownedId)
    {
        foreach (var tool in tools)
        {
            var schema = tool.InputSchema;
            var properties = schema.TryGetProperty("properties", out var list) ? list.EnumerateObject().ToList() : [];
            var required = schema.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()!).ToHashSet() : [];
            var baseline = properties.Where(p => required.Contains(p.Name))
                .ToDictionary(p => p.Name, p => (object?)Plain(p.Value, ownedId(tool.Name, p.Name)));
            foreach (var property in properties)
                foreach (var value in HostileValues.ForBodyField(property.Value, required.Contains(property.Name), statesNullability: false))
                    if (value.Element() is { } element)
                        yield return new McpProbe(tool.Name, new Dictionary<string, object?>(baseline) { [property.Name] = element }, property.Name, value.Kind, value.Invalid);
            yield return new McpProbe(tool.Name, new Dictionary<string, object?>(baseline) { ["zz_unknown_field"] = 1 }, "arguments", "unknown-field", false);
        }
    }

    private static JsonElement Plain(JsonElement schema, string? id)
    {
        var types = HostileValues.TypesOf(schema);
        var json = types.Contains("boolean") ? "true" : types.Contains("array") ? "[]" : types.Contains("object") ? "{}" : JsonSerializer.Serialize(id ?? "x");
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
