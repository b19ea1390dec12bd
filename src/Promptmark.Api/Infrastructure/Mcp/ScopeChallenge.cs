using System.Text.Json;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>
/// The MCP authorization spec's step-up (2025-11-25, "Scope Challenge Handling"): a <c>tools/call</c> on <c>/mcp</c> with
/// an OAuth access token that lacks the tool's scope is answered HTTP 403 with
/// <c>WWW-Authenticate: Bearer error="insufficient_scope", scope="…", resource_metadata="…"</c>, before the MCP server
/// sees it, so the client can ask the user for the wider grant and retry. The scope named is what the token has plus
/// what the call needs, so re-authorizing loses nothing. API keys and sign-in sessions cannot be widened by an OAuth
/// flow (the spec's challenge is about OAuth tokens): their calls go through and answer an <c>isError</c> result, as before.
/// </summary>
public static class ScopeChallenge
{
    public static IApplicationBuilder UseMcpScopeChallenge(this IApplicationBuilder app) =>
        app.UseWhen(
            http => ProtectedResource.IsMcpPost(http.Request) && http.User.IsOAuth(),
            branch => branch.Use(ChallengeAsync));

    private static async Task ChallengeAsync(HttpContext http, RequestDelegate next)
    {
        if (await CalledToolAsync(http.Request) is { } tool && !http.User.MayCall(tool))
        {
            var needed = ToolScopes.For(tool);
            var granted = AccessScope.All.Where(s => http.User.HasClaim(CallerClaims.Scope, s) || s == needed);
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            http.Response.Headers.WWWAuthenticate =
                $"Bearer error=\"insufficient_scope\", scope=\"{string.Join(' ', granted)}\", " +
                $"resource_metadata=\"{ProtectedResource.MetadataUrl(http.Request)}\", error_description=\"This call needs the {needed} scope\"";
            await http.Response.WriteAsJsonAsync(ProblemResponses.ToProblem(new InsufficientScopeException(needed)), options: null, contentType: "application/problem+json");
            return;
        }
        await next(http);
    }

    /// <summary>
    /// The tool a <c>tools/call</c> body names, or null for any other message (or a body that is not one JSON-RPC
    /// request: the MCP server answers that itself). The MCP server reads the body again from its start.
    /// </summary>
    private static async Task<string?> CalledToolAsync(HttpRequest request)
    {
        using var message = await McpRequestBody.ReadJsonAsync(request);
        if (message is null) return null;
        var root = message.RootElement;
        return root.ValueKind == JsonValueKind.Object
               && root.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String && method.GetString() == "tools/call"
               && root.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object
               && parameters.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
    }
}
