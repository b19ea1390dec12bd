namespace Promptmark.Api.Infrastructure.Security;

/// <summary>
/// Headers on every response (the web app, the API, errors): a Content-Security-Policy that runs only our own script
/// files and lets no one frame us, <c>nosniff</c>, no Referer leaving the app, and HSTS when the request came over HTTPS.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    // Scripts come from our own files only: the built web app has no inline script.
    public static readonly string Policy = ContentSecurityPolicy(scriptSources: "'self'");

    // The API reference page (Scalar.AspNetCore) starts itself with an inline module script that carries its configuration.
    // It shows our OpenAPI document, never user content.
    public static readonly string ApiReferencePolicy = ContentSecurityPolicy(scriptSources: "'self' 'unsafe-inline'");

    // The OAuth consent page posts to our authorization endpoint, which redirects to the client's registered redirect URI
    // (any https or loopback http URI); browsers check form-action on every redirect of a form post.
    public static readonly string ConsentPolicy = ContentSecurityPolicy(scriptSources: "'self'", formActions: "'self' https: http:");

    // Styles may be inline: Mantine renders <style> elements for its CSS variables and CodeMirror injects its theme.
    // Fonts and images come from our files or data: URLs.
    private static string ContentSecurityPolicy(string scriptSources, string formActions = "'self'") =>
        $"default-src 'self'; script-src {scriptSources}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action " + formActions + "; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        // Set when the response starts: the exception handler clears headers set earlier.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar") ? ApiReferencePolicy
                : http.Request.Path.StartsWithSegments("/authorize") ? ConsentPolicy : Policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (http.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
