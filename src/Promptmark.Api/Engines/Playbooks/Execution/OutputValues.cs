using System.Globalization;
using System.Text.Json;

namespace Promptmark.Api.Engines.Playbooks.Execution;

/// <summary>A captured output as JSON of its <c>@output</c> type: a number, a boolean, parsed JSON; a string otherwise or when it does not read as its type.</summary>
public static class OutputValues
{
    public static JsonElement Typed(string? type, string text)
    {
        switch (type)
        {
            case "number" when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return JsonSerializer.SerializeToElement(number);
            case "boolean" when bool.TryParse(text, out var flag):
                return JsonSerializer.SerializeToElement(flag);
            case ValueTypes.Json:
                try
                {
                    using var document = JsonDocument.Parse(text);
                    return document.RootElement.Clone();
                }
                catch (JsonException)
                {
                    break;
                }
        }
        return JsonSerializer.SerializeToElement(text);
    }
}
