using FastEndpoints;
using Microsoft.Net.Http.Headers;

namespace Promptmark.Api.Infrastructure.Security;

/// <summary>
/// The REST endpoints read JSON bodies only: a form or any other body is answered 415 before it is bound, so an HTML
/// form on another site cannot post to them (FastEndpoints would otherwise bind form fields to the request).
/// </summary>
public sealed class JsonBodies(RequestDelegate next)
{
    public const string Accepted = "application/json";

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>() is null || IsJsonOrEmpty(http.Request))
        {
            await next(http);
            return;
        }
        var sent = http.Request.ContentType is { Length: > 0 } type ? $"'{type}'" : "a body without Content-Type";
        await Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
            detail: $"This endpoint accepts {Accepted} request bodies only; the request sent {sent}.",
            extensions: new Dictionary<string, object?> { ["accepted"] = new[] { Accepted } }).ExecuteAsync(http);
    }

    private static bool IsJsonOrEmpty(HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.ContentType)) return request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any();
        return MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals(Accepted, StringComparison.OrdinalIgnoreCase);
    }
}
