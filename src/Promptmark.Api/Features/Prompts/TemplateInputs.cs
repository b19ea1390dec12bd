using System.Text.Json;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Prompts;

public static class TemplateInputs
{
    /// <summary>
    /// The <c>variables</c> object as name → value. A string holding a JSON object is accepted too, since model
    /// clients sometimes send objects that way; anything else is a 400 naming the field.
    /// </summary>
    public static IReadOnlyDictionary<string, JsonElement> Read(JsonElement variables)
    {
        var element = variables.ValueKind == JsonValueKind.String ? ParseEmbedded(variables.GetString()!) : variables;
        return element.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => new Dictionary<string, JsonElement>(),
            JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
            _ => throw new InvalidInputException("variables", "must be an object of variable name to value, e.g. {\"topic\": \"tides\"}"),
        };
    }

    private static JsonElement ParseEmbedded(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidInputException("variables", "must be an object of variable name to value, e.g. {\"topic\": \"tides\"}");
        }
    }
}
