using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Promptmark.Api.Features.Prompts.Templates;

namespace Promptmark.Api.Features.McpPrompts;

/// <summary>
/// A template's typed variables as a tool's JSON Schema input: each variable a property of its type (an enum's options
/// as <c>enum</c>), its default as <c>default</c> in that type, and the variables without a default required.
/// </summary>
public static class VariableInputSchema
{
    public static JsonElement For(Template template)
    {
        var properties = new JsonObject();
        foreach (var variable in template.Variables) properties[variable.Name] = Property(variable);
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray(template.Variables.Where(v => v.Required).Select(v => (JsonNode)v.Name).ToArray()),
        };
        return JsonSerializer.SerializeToElement(schema);
    }

    private static JsonObject Property(TemplateVariable variable)
    {
        var property = new JsonObject
        {
            ["type"] = variable.Type switch
            {
                VariableType.Number => "number",
                VariableType.Boolean => "boolean",
                _ => "string",
            },
            ["description"] = variable.Type == VariableType.Text ? $"{variable.Name} (multi-line text)" : variable.Name,
        };
        if (variable.Options.Count > 0) property["enum"] = new JsonArray(variable.Options.Select(o => (JsonNode)o).ToArray());
        if (variable.Default is { } fallback) property["default"] = Typed(variable.Type, fallback);
        return property;
    }

    /// <summary>A default in its variable's type; one that does not read as that type stays the text the template declares.</summary>
    private static JsonNode Typed(VariableType type, string fallback) => type switch
    {
        VariableType.Number when double.TryParse(fallback, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        VariableType.Boolean when bool.TryParse(fallback, out var flag) => JsonValue.Create(flag),
        _ => JsonValue.Create(fallback),
    };
}
