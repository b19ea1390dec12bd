using Promptmark.Api.Infrastructure.Auth;

namespace Promptmark.Api.Infrastructure.Security;

/// <summary>
/// Answers 403 to requests on <c>/api</c> and <c>/mcp</c> that a web page of another site could have sent:
/// <list type="bullet">
/// <item>a request that reached a loopback address under a host name that is not ours (DNS rebinding, as MCP requires);</item>
/// <item>a request whose <c>Origin</c> is not allowed (see <see cref="AllowedOrigins"/>);</item>
/// <item>a state-changing request authenticated by the session cookie that does not prove it comes from the app itself
/// (<c>Sec-Fetch-Site: same-origin</c>, or else an <c>Origin</c> of our own). SameSite=Strict alone lets other ports on
/// localhost and sibling subdomains through. Bearer tokens and API keys are never sent by a browser on its own, so they
/// need no such proof.</item>
/// </list>
/// </summary>
public sealed class OriginPolicy(RequestDelegate next, AllowedOrigins origins)
{
    private static readonly string[] GuardedAreas = ["/api", "/mcp"];

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (!GuardedAreas.Any(area => request.Path.StartsWithSegments(area, StringComparison.OrdinalIgnoreCase)) || Refusal(request) is not { } reason)
        {
            await next(http);
            return;
        }
        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: reason).ExecuteAsync(http);
    }

    private string? Refusal(HttpRequest request)
    {
        if (AllowedOrigins.IsLoopback(request.HttpContext.Connection.LocalIpAddress) && !origins.AllowsLoopbackHost(request.Host))
            return $"The host name '{request.Host.Host}' is not one this server answers to on a loopback address; "
                + $"add its origin to {AllowedOrigins.Setting} if it is yours.";

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !origins.Allows(origin, request))
            return $"Requests from the origin '{origin}' are not allowed; add it to {AllowedOrigins.Setting} if it is yours.";

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || PromptmarkAuthentication.ReadCredential(request) is not (_, FromCookie: true)
            || ComesFromOurOwnPage(request, origin))
            return null;
        return "A request that changes data with the session cookie must come from the Promptmark web app itself; "
            + "other clients authenticate with 'Authorization: Bearer <token or pm_ API key>' or 'X-API-Key'.";
    }

    /// <summary>Browsers set <c>Sec-Fetch-Site</c> themselves (pages cannot); older ones that don't still send <c>Origin</c> on such requests.</summary>
    private bool ComesFromOurOwnPage(HttpRequest request, string origin)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0) return fetchSite == "same-origin";
        return origin.Length > 0 && origins.IsOwn(origin, request);
    }
}
