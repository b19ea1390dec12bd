using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Promptmark.Api.Infrastructure.Json;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// Builds an MCP tool's output schema from its response type. Unlike the input schema, it is read from the
/// serializer's own contract for <see cref="Wire.Options"/>, so it names exactly what the door writes (snake_case,
/// enums as their wire names, get-only properties too) and cannot drift from it.
/// </summary>
public static class OutputSchema
{
    // Nullable annotations decide which values may be null; the door writes every property (all are required) except
    // those marked to be left out when null or default.
    private static readonly JsonSerializerOptions Contract = new(Wire.Options) { RespectNullableAnnotations = true, TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static readonly JsonSchemaExporterOptions Exporter = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = Describe,
    };

    public static JsonElement For(Type response) =>
        JsonSerializer.SerializeToElement(Contract.GetJsonSchemaAsNode(response, Exporter));

    private static JsonNode Describe(JsonSchemaExporterContext context, JsonNode schema)
    {
        // Free-form JSON (a JsonElement) comes out as the schema `true`; clients' validators want every property's schema as an object.
        var node = schema as JsonObject ?? (schema.GetValueKind() == JsonValueKind.True ? new JsonObject() : null);
        if (node is null) return schema;
        if (context.TypeInfo.Kind == JsonTypeInfoKind.Object && node["properties"] is JsonObject)
            node["required"] = new JsonArray(context.TypeInfo.Properties.Where(AlwaysWritten).Select(p => (JsonNode)p.Name).ToArray());
        if (DescriptionOf(context) is { } description) node["description"] = description;
        return node;
    }

    private static bool AlwaysWritten(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), true).OfType<JsonIgnoreAttribute>()
            .All(ignore => ignore.Condition == JsonIgnoreCondition.Never) ?? true;

    /// <summary>A property's [Description] (on the property or its record parameter), else its type's.</summary>
    private static string? DescriptionOf(JsonSchemaExporterContext context)
    {
        var property = context.PropertyInfo;
        var attribute = property?.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), true).OfType<DescriptionAttribute>().FirstOrDefault()
            ?? property?.AssociatedParameter?.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), true).OfType<DescriptionAttribute>().FirstOrDefault()
            ?? (property is null ? context.TypeInfo.Type.GetCustomAttribute<DescriptionAttribute>() : null);
        return attribute?.Description;
    }
}
