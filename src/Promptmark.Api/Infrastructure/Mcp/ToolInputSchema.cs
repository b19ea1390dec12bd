using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>One input of a user's tool: a template variable, a playbook input.</summary>
/// <param name="Type">The JSON Schema type: string, number or boolean.</param>
public sealed record ToolInput(string Name, string Type, string Description, IReadOnlyList<string> Options, string? Default, bool Required);

/// <summary>
/// A user's tool's inputs as its JSON Schema: each input a property of its type (options as <c>enum</c>), its default as
/// <c>default</c> in that type, the required ones listed as <c>required</c>.
/// </summary>
public static class ToolInputSchema
{
    public static JsonElement For(IReadOnlyList<ToolInput> inputs)
    {
        var properties = new JsonObject();
        foreach (var input in inputs) properties[input.Name] = Property(input);
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray(inputs.Where(i => i.Required).Select(i => (JsonNode)i.Name).ToArray()),
        };
        return JsonSerializer.SerializeToElement(schema);
    }

    private static JsonObject Property(ToolInput input)
    {
        var property = new JsonObject { ["type"] = input.Type, ["description"] = input.Description };
        if (input.Options.Count > 0) property["enum"] = new JsonArray(input.Options.Select(o => (JsonNode)o).ToArray());
        if (input.Default is { } fallback) property["default"] = Typed(input.Type, fallback);
        return property;
    }

    /// <summary>A default in its input's type; one that does not read as that type stays the text declared.</summary>
    private static JsonNode Typed(string type, string fallback) => type switch
    {
        "number" when double.TryParse(fallback, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        "boolean" when bool.TryParse(fallback, out var flag) => JsonValue.Create(flag),
        _ => JsonValue.Create(fallback),
    };
}
