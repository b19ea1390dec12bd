using System.Text;
using System.Text.Json;

namespace Promptmark.Api.Tests.Infrastructure.HostileInput;

/// <summary>
/// One hostile value for one field. <see cref="Json"/> is raw JSON bytes (so it can hold invalid UTF-8);
/// <see cref="Invalid"/> values must be refused with a 4xx naming the field, the others only must not fail the server.
/// </summary>
public sealed record HostileValue(string Kind, byte[] Json, bool Invalid)
{
    public string Text => Encoding.UTF8.GetString(Json);

    /// <summary>The value for an MCP argument; null when a client cannot send it (invalid UTF-8, a lone surrogate).</summary>
    public JsonElement? Element()
    {
        if (!System.Text.Unicode.Utf8.IsValid(Json)) return null;
        try
        {
            var element = JsonDocument.Parse(Json, new JsonDocumentOptions { MaxDepth = 4096 }).RootElement.Clone();
            JsonSerializer.Serialize(element);
            return element;
        }
        catch (JsonException) { return null; }
    }
}

/// <summary>The battery: values chosen from a field's JSON schema (type, nullability, required).</summary>
public static class HostileValues
{
    public const int MegabyteString = 1 << 20;

    private static readonly byte[] InvalidUtf8 = [(byte)'"', (byte)'a', 0xFF, 0xFE, (byte)'b', (byte)'"'];

    /// <param name="statesNullability">OpenAPI says which fields take null; an MCP tool schema does not, so there only a required argument must not be null.</param>
    public static IEnumerable<HostileValue> ForBodyField(JsonElement schema, bool required, bool statesNullability = true)
    {
        var types = TypesOf(schema);
        var nullable = statesNullability ? types.Count == 0 || types.Contains("null") : !required;
        yield return Raw("null", "null", invalid: !nullable);
        yield return Raw("nul-character", "\"a\\u0000b\"", invalid: types.Count == 0 || types.Contains("string") || types.Contains("array"));
        yield return Raw("lone-surrogate", "\"\\ud800\"", invalid: types.Count == 0 || types.Contains("string") || types.Contains("array"));
        yield return new HostileValue("invalid-utf8", InvalidUtf8, Invalid: types.Count == 0 || types.Contains("string") || types.Contains("array"));
        yield return Raw("deep-nesting", new string('[', 2000) + new string(']', 2000), invalid: true);
        yield return Raw("huge-integer", "99999999999999999999999", invalid: types.Contains("integer") || types.Contains("boolean") || types.Contains("string"));
        yield return Raw("empty-string", "\"\"", invalid: required && types.Contains("string"));
        yield return Raw("megabyte-string", JsonSerializer.Serialize(new string('a', MegabyteString)), invalid: false);
        yield return Raw("control-characters", "\"a\\u0001\\u001f\\u007fb\"", invalid: false);
        yield return Raw("negative", "-1", invalid: types.Contains("boolean") || (types.Contains("string") && !types.Contains("number") && !types.Contains("integer")));
        yield return Raw("int-max", "2147483647", invalid: types.Contains("boolean"));
        yield return Raw("object", "{\"nested\":{\"x\":[1,\"\\u0000\"]}}", invalid: types.Count > 0 && !types.Contains("object"));
        yield return Raw("wrong-boolean", "\"sometimes\"", invalid: types.Contains("boolean") && !types.Contains("string"));
    }

    public static IEnumerable<(string Kind, string Value, bool Invalid)> ForQueryOrRoute(JsonElement schema, bool inPath)
    {
        var types = TypesOf(schema);
        // A test server refuses a NUL in the path before sending (as Kestrel does): only the query carries one.
        if (!inPath) yield return ("nul-character", "a\0b", true);
        yield return ("malformed-id", "not-an-id", types.Contains("integer") && !types.Contains("string"));
        yield return ("foreign-id", Guid.NewGuid().ToString(), types.Contains("integer") && !types.Contains("string"));
        yield return ("negative", "-1", types.Contains("boolean"));
        yield return ("huge-integer", "99999999999999999999999", types.Contains("integer") || types.Contains("boolean"));
        yield return ("int-max", "2147483647", types.Contains("boolean"));
        yield return ("malformed-json", "[\"x", types.Contains("integer") || types.Contains("boolean"));
        yield return ("control-characters", "a\u0001\u001fb", types.Contains("integer") || types.Contains("boolean"));
        yield return ("long-string", new string('a', inPath ? 2_000 : 20_000), types.Contains("integer") || types.Contains("boolean"));
        if (!inPath) yield return ("empty-string", "", false);
    }

    private static HostileValue Raw(string kind, string json, bool invalid) => new(kind, Encoding.UTF8.GetBytes(json), invalid);

    /// <summary>The JSON types a schema allows; empty when it allows anything.</summary>
    public static IReadOnlySet<string> TypesOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type)) return new HashSet<string>();
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet()
            : new HashSet<string> { type.GetString()! };
    }
}
