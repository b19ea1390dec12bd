using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Promptmark.Api.Infrastructure.Json;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// Documents each slice's input in the OpenAPI document from its request record, as FastEndpoints binds it:
/// route segments as path parameters, the other properties as the query (GET, DELETE) or the JSON body.
/// </summary>
public sealed class SliceOpenApi(IEnumerable<DocumentedRequest> handWritten) : IOpenApiOperationTransformer
{
    private readonly Dictionary<string, DocumentedRequest> _byOperation =
        SliceCatalog.Instance.Slices.Select(s => new DocumentedRequest(s.OperationId, s.Request, s.Binding)).Concat(handWritten)
            .ToDictionary(s => s.OperationId);

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.OperationId is not { } id || !_byOperation.TryGetValue(id, out var slice)) return;
        var routeNames = slice.Binding.Route.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')).ToHashSet();
        var properties = ToolSchema.WireProperties(slice.Request).ToList();
        operation.Parameters ??= [];
        foreach (var property in properties.Where(p => routeNames.Contains(Wire.NameOf(p))))
            operation.Parameters.Add(await ParameterAsync(property, ParameterLocation.Path, context, ct));

        var rest = properties.Where(p => !routeNames.Contains(Wire.NameOf(p))).ToList();
        if (rest.Count == 0) return;
        if (slice.Binding.Verb is "GET" or "DELETE")
        {
            foreach (var property in rest) operation.Parameters.Add(await ParameterAsync(property, ParameterLocation.Query, context, ct));
            return;
        }
        var body = await context.GetOrCreateSchemaAsync(slice.Request, null, ct);
        if (body is OpenApiSchema inline)
            foreach (var name in routeNames)
            {
                inline.Properties?.Remove(name);
                inline.Required?.Remove(name);
            }
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = body } },
        };
    }

    private static async Task<OpenApiParameter> ParameterAsync(PropertyInfo property, ParameterLocation location, OpenApiOperationTransformerContext context, CancellationToken ct) => new()
    {
        Name = Wire.NameOf(property),
        In = location,
        Required = location == ParameterLocation.Path || property.IsDefined(typeof(RequiredAttribute)),
        Description = property.GetCustomAttribute<DescriptionAttribute>()?.Description,
        Schema = property.PropertyType == typeof(StringList)
            ? new OpenApiSchema { Type = JsonSchemaType.String, Description = "comma-separated or a JSON array" }
            : await context.GetOrCreateSchemaAsync(property.PropertyType, null, ct),
    };
}

/// <summary>
/// A hand-written endpoint that binds a slice's request record on its own route (streaming execute), documented the
/// same way as the slices.
/// </summary>
public sealed record DocumentedRequest(string OperationId, Type Request, SliceBinding Binding);
