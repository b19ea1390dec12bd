using System.Text.Json;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Json;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// Reads a slice request from JSON for both doors (the REST body, the MCP arguments) and turns what the serializer
/// refuses into a 400 naming the field: the field from the exception's JSON path, the message from the property's type.
/// </summary>
public static class WireRequest
{
    public static object Read(ReadOnlySpan<byte> json, Type request, string root)
    {
        try
        {
            return JsonSerializer.Deserialize(json, request, Wire.Options) ?? throw new InvalidInputException(root, "must be a JSON object");
        }
        catch (JsonException e)
        {
            throw Problem(e, request, root);
        }
    }

    private static InvalidInputException Problem(JsonException e, Type request, string root)
    {
        var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? root : e.Path.TrimStart('$', '.').Split('.', '[')[0];
        var property = ToolSchema.WireProperties(request).FirstOrDefault(p => Wire.NameOf(p) == field);
        var message = e switch
        {
            WireValueException => e.Message,
            // The reader itself failed (syntax, depth): the text is not JSON, whatever the field.
            { InnerException: JsonException } or { Path: null } => NotJson(e),
            _ when property is not null => "must be " + Expected(property.PropertyType),
            _ => "must be " + Expected(request),
        };
        return new InvalidInputException(field, message);
    }

    private static string NotJson(JsonException e) =>
        $"is not valid JSON, or nests deeper than {Wire.MaxDepth} levels" + (e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "");

    /// <summary>What a value of <paramref name="type"/> looks like on the wire, in the words of a 400.</summary>
    public static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(StringList)) return "a JSON array of strings or a comma-separated list";
        if (type == typeof(bool)) return "a boolean (true or false)";
        if (type == typeof(string)) return "a string of valid Unicode text";
        if (type.IsEnum) return $"one of: {string.Join(", ", Enum.GetNames(type).Select(Wire.Naming.ConvertName))}";
        return ToolSchema.JsonTypeOf(type) switch
        {
            "integer" => "a whole number",
            "number" => "a number",
            "array" => "a JSON array",
            "object" => "a JSON object",
            _ => $"a valid {type.Name}",
        };
    }
}

