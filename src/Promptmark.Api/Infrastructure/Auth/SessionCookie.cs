namespace Promptmark.Api.Infrastructure.Auth;

public static class SessionCookie
{
    /// <summary>HttpOnly and SameSite=Strict so scripts and other sites cannot use it; Secure whenever the request came over HTTPS,
    /// including through a trusted TLS-terminating proxy that says so in <c>X-Forwarded-Proto</c> (see <c>ReverseProxy</c>).</summary>
    public static CookieOptions Options(HttpContext http, DateTimeOffset expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/",
        Expires = expires,
    };
}
