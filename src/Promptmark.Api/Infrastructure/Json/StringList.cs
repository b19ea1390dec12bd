using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Promptmark.Api.Infrastructure.Json;

/// <summary>
/// A list of strings that model clients send either as a real JSON array or as a string holding one
/// (<c>"[\"ai\", \"coding\"]"</c>), as the MCP reference documents for <c>tags</c> and <c>models</c>.
/// A plain string that is not a JSON array is read as a comma-separated list. Query strings bind through <see cref="TryParse"/>.
/// </summary>
[JsonConverter(typeof(StringListConverter))]
public sealed class StringList(IReadOnlyList<string> items) : IReadOnlyList<string>
{
    public static StringList Empty { get; } = new([]);

    public int Count => items.Count;
    public string this[int index] => items[index];
    public IEnumerator<string> GetEnumerator() => items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static bool TryParse(string? text, out StringList result)
    {
        try
        {
            result = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            result = Empty;
            return false;
        }
    }

    public static StringList Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Empty;
        var trimmed = text.Trim();
        if (trimmed.StartsWith('['))
        {
            try
            {
                var parsed = JsonSerializer.Deserialize<List<JsonElement>>(trimmed) ?? [];
                return new(parsed.Select(Scalar).ToList());
            }
            catch (JsonException)
            {
                throw new FormatException("must be a JSON array of strings, e.g. [\"ai\", \"coding\"]");
            }
        }
        return new(trimmed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    internal static string Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => throw new FormatException("must hold only strings"),
    };
}

public sealed class StringListConverter : JsonConverter<StringList>
{
    public override StringList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return reader.TokenType switch
            {
                JsonTokenType.Null => StringList.Empty,
                JsonTokenType.String => StringList.Parse(reader.GetString()),
                JsonTokenType.StartArray => new(JsonElement.ParseValue(ref reader).EnumerateArray().Select(StringList.Scalar).ToList()),
                _ => throw new FormatException("must be a JSON array of strings"),
            };
        }
        catch (FormatException e)
        {
            throw new WireValueException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, StringList value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value) writer.WriteStringValue(item);
        writer.WriteEndArray();
    }
}
