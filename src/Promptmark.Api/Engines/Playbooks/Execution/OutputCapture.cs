using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Promptmark.Api.Engines.Playbooks.Execution;

/// <summary>
/// What <c>@output</c> stores (spec/directives.md): the output, or the field <c>extract:</c> names from the last JSON
/// object in it that has the field (the whole output when none has); then, for a typed capture, the value read as its
/// type (a number, true/false, one of the enum's options, compact JSON) when it reads as one, else the text unchanged.
/// </summary>
public static partial class OutputCapture
{
    /// <summary>How many '{' from the end are tried as the start of a JSON object: bounds the work on a long answer.</summary>
    private const int MaxObjectStarts = 200;

    public static string Capture(PlaybookStep step, string output)
    {
        var value = step.ExtractField.Length > 0 ? Extract(output, step.ExtractField) ?? output : output;
        return step.OutputType is { } type ? Coerce(type, value, step.OutputOptions) : value;
    }

    public static string? Extract(string output, string field)
    {
        var bytes = Encoding.UTF8.GetBytes(output);
        var tried = 0;
        for (var start = Array.LastIndexOf(bytes, (byte)'{'); start >= 0 && tried < MaxObjectStarts; start = start == 0 ? -1 : Array.LastIndexOf(bytes, (byte)'{', start - 1), tried++)
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(start));
            try
            {
                if (!JsonDocument.TryParseValue(ref reader, out var document)) continue;
                using (document)
                    if (document.RootElement.TryGetProperty(field, out var found))
                        return found.ValueKind == JsonValueKind.String ? found.GetString() : found.GetRawText();
            }
            catch (JsonException)
            {
            }
        }
        return null;
    }

    public static string Coerce(string type, string value, IReadOnlyList<string>? options)
    {
        var trimmed = value.Trim();
        var word = trimmed.Trim('"', '\'', '`', '.', '!', ' ', '*');
        return type switch
        {
            "number" => Number().Match(trimmed) is { Success: true } number
                        && decimal.TryParse(number.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                ? parsed.ToString(CultureInfo.InvariantCulture) : value,
            "boolean" => word.ToLowerInvariant() switch { "true" or "yes" => "true", "false" or "no" => "false", _ => value },
            ValueTypes.Enum => options?.FirstOrDefault(o => o.Equals(word, StringComparison.OrdinalIgnoreCase))
                               ?? (options?.Where(o => Regex.IsMatch(trimmed, $@"\b{Regex.Escape(o)}\b", RegexOptions.IgnoreCase)).ToList() is [var only] ? only : value),
            ValueTypes.Json => CompactJson(Fence().Replace(trimmed, "$1").Trim()) ?? value,
            "string" => trimmed,
            _ => value,
        };
    }

    private static string? CompactJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return JsonSerializer.Serialize(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"-?\d+(?:\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"^```(?:json)?\s*([\s\S]*?)\s*```$")]
    private static partial Regex Fence();
}
