using System.Globalization;
using System.Text.Json;
using Promptmark.Api.Engines.Playbooks;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.PlaybookExecutions;

/// <summary>The values a run starts or resumes with: a JSON object of name to value, each kept as the text a <c>{{name}}</c> becomes.</summary>
public static class RunValues
{
    public static Dictionary<string, string> Read(JsonElement values, string field)
    {
        var element = values.ValueKind == JsonValueKind.String ? Embedded(values.GetString()!, field) : values;
        return element.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => [],
            JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()),
            _ => throw Malformed(field),
        };
    }

    /// <summary>The inputs of <c>## INPUTS</c> filled from <paramref name="given"/> and the defaults; a 400 naming every missing or invalid one.</summary>
    public static Dictionary<string, string> ForInputs(IReadOnlyList<PlaybookInput> inputs, Dictionary<string, string> given)
    {
        var (values, problems) = Check(inputs, given);
        return problems.Count == 0 ? values
            : throw new InvalidInputException("input_values", string.Join("; ", problems.Select(p => $"{p.Key} {p.Value}")));
    }

    /// <summary>
    /// The inputs filled from <paramref name="given"/> and the defaults, and what is wrong with each input that is not
    /// (missing, not one of an enum's options, not a number or a boolean), by input name.
    /// </summary>
    public static (Dictionary<string, string> Values, Dictionary<string, string> Problems) Check(IReadOnlyList<PlaybookInput> inputs, Dictionary<string, string> given)
    {
        var values = new Dictionary<string, string>(given);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (!values.TryGetValue(input.Name, out var value) || value.Length == 0)
            {
                if (input.Default is { } fallback) values[input.Name] = fallback;
                else if (input.Required) problems[input.Name] = "is required";
                continue;
            }
            if (input.Options is { Count: > 0 } options && !options.Contains(value, StringComparer.OrdinalIgnoreCase))
                problems[input.Name] = $"must be one of: {string.Join(", ", options)}";
            else if (input.Type == "number" && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                problems[input.Name] = "must be a number";
            else if (input.Type == "boolean" && !bool.TryParse(value, out _))
                problems[input.Name] = "must be true or false";
        }
        return (values, problems);
    }

    private static JsonElement Embedded(string text, string field)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Malformed(field);
        }
    }

    private static InvalidInputException Malformed(string field) =>
        new(field, "must be an object of variable name to value, e.g. {\"topic\": \"tides\"}");
}
