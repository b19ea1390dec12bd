namespace Promptmark.Api.Infrastructure.Security;

/// <summary>
/// Headers on every response (the web app, the API, errors): a Content-Security-Policy that runs only our own script
/// files and lets no one frame us, <c>nosniff</c>, no Referer leaving the app, and HSTS when the request came over HTTPS.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    // Styles may be inline: Mantine renders <style> elements for its CSS variables and CodeMirror injects its theme.
    // Scripts may not: the built web app is script files only. Fonts and images come from our files or data: URLs.
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The API reference page (Scalar.AspNetCore) starts itself with an inline module script that carries its configuration.
    // It shows our OpenAPI document, never user content.
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        // Set when the response starts: the exception handler clears headers set earlier.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar") ? ApiReferencePolicy : Policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (http.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
