using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Promptmark.Api.Infrastructure.Hosting;

/// <summary>
/// Serves the web app (the build output of <c>src/Promptmark.Web</c>) at <c>/</c>: its files as static files, and
/// <c>index.html</c> for every other path so that deep links such as <c>/prompts/{id}</c> reach the client-side router.
/// The fallback never answers for the server's own areas (<c>/api</c>, <c>/mcp</c>, <c>/openapi</c>, <c>/scalar</c>,
/// <c>/health</c>): an unknown path there stays a 404 problem. The folder is <c>Promptmark:Web:Root</c>, by default
/// <c>wwwroot</c> under the content root; when it holds no <c>index.html</c> the fallback answers 404.
/// </summary>
public static class SpaHosting
{
    public const string RootSetting = "Promptmark:Web:Root";

    private static readonly string[] ServerAreas = ["/api", "/mcp", "/openapi", "/scalar", "/health"];

    public static WebApplication UsePromptmarkSpa(this WebApplication app)
    {
        var root = Path.GetFullPath(app.Configuration[RootSetting] is { Length: > 0 } configured
            ? configured
            : Path.Combine(app.Environment.ContentRootPath, "wwwroot"));

        if (Directory.Exists(root))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(root),
                OnPrepareResponse = file =>
                {
                    // Vite's hashed bundles never change under the same name; everything else is revalidated.
                    var immutable = file.Context.Request.Path.StartsWithSegments("/assets");
                    file.Context.Response.Headers[HeaderNames.CacheControl] =
                        immutable ? "public, max-age=31536000, immutable" : "no-cache";
                },
            });
        }

        app.MapFallback(async http =>
        {
            var path = http.Request.Path;
            var index = Path.Combine(root, "index.html");
            if (ServerAreas.Any(area => path.StartsWithSegments(area, StringComparison.OrdinalIgnoreCase))
                || !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                || !File.Exists(index))
            {
                await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                    detail: $"Nothing is served at {path}.").ExecuteAsync(http);
                return;
            }
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            await http.Response.SendFileAsync(index);
        }).AllowAnonymous();

        return app;
    }
}
