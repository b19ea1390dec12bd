namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>
/// What Promptmark protects, in the words of RFC 9728: the MCP endpoint is the resource <c>{base}/mcp</c>, described at
/// <c>/.well-known/oauth-protected-resource/mcp</c> (and at the root form, for clients that look there first), and
/// Promptmark itself is the authorization server. Every URL is built from the request's own scheme, host and path base,
/// which the forwarded headers already set when Promptmark runs behind a proxy.
/// </summary>
public static class ProtectedResource
{
    public const string MetadataPath = "/.well-known/oauth-protected-resource";
    public const string McpPath = "/mcp";
    public static readonly string[] Scopes = [.. AccessScope.All];

    /// <summary>Whether the request posts a message to the MCP endpoint.</summary>
    public static bool IsMcpPost(HttpRequest request) => HttpMethods.IsPost(request.Method) && request.Path == McpPath;

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static string McpResource(HttpRequest request) => BaseUrl(request) + McpPath;

    public static string MetadataUrl(HttpRequest request) => BaseUrl(request) + MetadataPath + McpPath;

    /// <summary>The RFC 9728 document for the MCP endpoint.</summary>
    public static object Metadata(HttpRequest request) => new Dictionary<string, object>
    {
        ["resource"] = McpResource(request),
        // Spelled exactly as the authorization server metadata's issuer (with the slash), which clients compare.
        ["authorization_servers"] = new[] { BaseUrl(request) + "/" },
        ["scopes_supported"] = Scopes,
        ["bearer_methods_supported"] = new[] { "header" },
        ["resource_name"] = "Promptmark MCP server",
    };

    /// <remarks>Both forms describe <c>/mcp</c>: it is the one resource that takes OAuth tokens, and clients that fall back
    /// to the root form check that the document names the URL they connect to.</remarks>
    public static IEndpointRouteBuilder MapProtectedResourceMetadata(this IEndpointRouteBuilder app)
    {
        app.MapGet(MetadataPath + McpPath, (HttpRequest request) => Results.Json(Metadata(request))).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(MetadataPath, (HttpRequest request) => Results.Json(Metadata(request))).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
