using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using Promptmark.Api.Infrastructure.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Promptmark.Api.Features.OAuth;

/// <summary>
/// OAuth access tokens are a third kind of bearer, taken on <c>/mcp</c> only: OpenIddict checks the token, then the
/// token must be for this server's MCP resource (RFC 8707 audience) and its grant must not have been revoked. The
/// caller gets the usual claims with the granted scopes, which the slice invoker checks.
/// </summary>
public sealed class OAuthBearer(IDocumentStore store) : IOAuthBearer
{
    public const string Method = CallerClaims.OAuth;

    public async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments(ProtectedResource.McpPath)) return null;
        var result = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } token || !token.HasAudience(ProtectedResource.McpResource(http.Request))) return null;
        var grant = await store.LoadGrantAsync(token, http.RequestAborted);
        if (grant is null || !Guid.TryParse(token.GetClaim(Claims.Subject), out var userId)) return null;
        return CallerClaims.For(userId, token.GetClaim(Claims.Email) ?? "", Method, scopes: token.GetScopes());
    }
}
