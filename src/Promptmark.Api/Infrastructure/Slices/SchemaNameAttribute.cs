using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// The name of a type's schema in the OpenAPI document, for a type named like another area's (two <c>ExecutionView</c>s):
/// the document keeps one schema per name, so without it one area's routes would be described with the other's type.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SchemaNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public static string? ReferenceIdOf(JsonTypeInfo type) =>
        type.Type.GetCustomAttribute<SchemaNameAttribute>()?.Name ?? OpenApiOptions.CreateDefaultSchemaReferenceId(type);
}
