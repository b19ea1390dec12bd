using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Promptmark.Api.Infrastructure.Json;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// Declares the JSON type a parameter has in the published contract when it differs from what the CLR type suggests
/// (e.g. a <see cref="StringList"/> that the reference types as <c>array</c> rather than a JSON-array string).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WireTypeAttribute(string type) : Attribute
{
    public string Type { get; } = type;
}

/// <summary>Builds an MCP tool's input schema from its request type: names, JSON types, [Description]s and [Required] flags.</summary>
public static class ToolSchema
{
    public static JsonElement For(Type request) => JsonSerializer.SerializeToElement(ObjectSchema(request));

    private static JsonObject ObjectSchema(Type type)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in ToolProperties(type))
        {
            var name = Wire.NameOf(property);
            properties[name] = PropertySchema(property);
            if (property.IsDefined(typeof(RequiredAttribute))) required.Add(name);
        }
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0) schema["required"] = required;
        return schema;
    }

    /// <summary>The properties that travel on the wire: public, settable, not [JsonIgnore]d.</summary>
    public static IEnumerable<PropertyInfo> WireProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && !p.IsDefined(typeof(JsonIgnoreAttribute)));

    /// <summary>The properties an MCP tool takes: the wire properties that are not [RestOnly].</summary>
    public static IEnumerable<PropertyInfo> ToolProperties(Type type) =>
        WireProperties(type).Where(p => !p.IsDefined(typeof(RestOnlyAttribute)));

    private static JsonObject PropertySchema(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var schema = TypeSchema(type, property.GetCustomAttribute<WireTypeAttribute>()?.Type);
        if (property.GetCustomAttribute<DescriptionAttribute>() is { } description) schema["description"] = description.Description;
        return schema;
    }

    private static JsonObject TypeSchema(Type type, string? declared)
    {
        var jsonType = declared ?? JsonTypeOf(type);
        var schema = new JsonObject { ["type"] = jsonType };
        if (jsonType == "array") schema["items"] = ItemSchema(type);
        return schema;
    }

    private static JsonObject ItemSchema(Type collection)
    {
        var element = collection == typeof(StringList) ? typeof(string) : ElementType(collection) ?? typeof(string);
        return JsonTypeOf(element) == "object" && !IsOpenObject(element) ? ObjectSchema(element) : TypeSchema(element, null);
    }

    public static string JsonTypeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type.IsEnum) return "string";
        if (type == typeof(StringList)) return "string";
        if (type == typeof(bool)) return "boolean";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return "integer";
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return "number";
        if (IsOpenObject(type)) return "object";
        if (ElementType(type) is not null) return "array";
        return "object";
    }

    private static bool IsOpenObject(Type type) =>
        type == typeof(JsonElement) || type == typeof(JsonObject) ||
        (type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(Dictionary<,>) || d == typeof(IReadOnlyDictionary<,>) || d == typeof(IDictionary<,>)));

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type)) return null;
        if (type.IsArray) return type.GetElementType();
        return type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }
}
