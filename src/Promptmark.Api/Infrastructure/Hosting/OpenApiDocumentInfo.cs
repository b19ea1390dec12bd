using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Promptmark.Api.Infrastructure.Hosting;

/// <summary>Names the API and declares how to authenticate, so the Scalar explorer can send requests.</summary>
public sealed class OpenApiDocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Promptmark API",
            Version = PromptmarkServices.Version,
            Description = "The REST door of Promptmark. Every route that has an MCP tool says so; both run the same handler.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A session token from POST /api/auth/login, or a pm_ API key from POST /api/keys.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
