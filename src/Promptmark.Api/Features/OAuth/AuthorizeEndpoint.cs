using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Promptmark.Api.Infrastructure.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Promptmark.Api.Features.OAuth;

/// <summary>
/// The authorization endpoint, after OpenIddict has checked the request (client, redirect URI, PKCE, resource). A
/// request without the user's decision goes to the consent page of the web app (<c>/authorize</c>), which signs the
/// user in first when needed; the page posts the same parameters back with <c>consent=approve</c> or <c>deny</c>.
/// </summary>
public static class AuthorizeEndpoint
{
    public const string ConsentPage = "/authorize";
    public const string DecisionParameter = "consent";

    public static async Task<IResult> HandleAsync(HttpContext http, IDocumentStore store, OAuthClients clients, TimeProvider clock)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle this authorization request.");
        var decision = (string?)request[DecisionParameter];
        var caller = (await http.AuthenticateAsync(PromptmarkAuthentication.SchemeName)).Principal;
        if (decision is null || !HttpMethods.IsPost(http.Request.Method) || caller?.FindUserId() is not { } userId)
            return Results.Redirect(ConsentPage + ConsentQuery(request));
        // The session cookie rides along on any form post; only the consent page itself may approve with it.
        if (PromptmarkAuthentication.ReadCredential(http.Request) is (_, FromCookie: true) && http.Request.Headers["Sec-Fetch-Site"] != "same-origin")
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Approve or deny from Promptmark's consent page.");

        if (decision != "approve")
            return Refuse(Errors.AccessDenied, "The user denied the request.");

        var lookup = await clients.FindAsync(request.ClientId, http.RequestAborted);
        // A metadata document may have changed since OpenIddict validated the request.
        if (!lookup.IsFound) return Refuse(Errors.InvalidClient, lookup.Refusal);
        var client = lookup.Client;
        var scopes = GrantedScopes(request);
        var resource = ProtectedResource.McpResource(http.Request);
        var grant = await ApproveAsync(store, userId, client, scopes, resource, clock.GetUtcNow(), http.RequestAborted);

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, userId.ToString())
            .SetClaim(Claims.Email, caller.FindFirstValue(CallerClaims.Email))
            .SetClaim(GrantLedger.GrantClaim, grant.Id.ToString());
        // offline_access is what makes OpenIddict issue refresh tokens; every grant has them.
        identity.SetScopes([.. scopes, Scopes.OfflineAccess]);
        identity.SetResources(resource);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>An error OpenIddict sends back to the client's redirect_uri.</summary>
    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>The scopes asked for that Promptmark knows; none asked means all of them.</summary>
    public static List<string> GrantedScopes(OpenIddictRequest request)
    {
        var asked = request.GetScopes().Intersect(ProtectedResource.Scopes).ToList();
        return asked.Count > 0 ? asked : [.. ProtectedResource.Scopes];
    }

    /// <summary>One grant per user and client: approving again replaces its scopes and ends its earlier tokens.</summary>
    private static async Task<OAuthGrant> ApproveAsync(IDocumentStore store, Guid userId, OAuthClient client, List<string> scopes, string resource,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession(userId.ToString());
        session.DeleteWhere<OAuthGrant>(g => g.ClientId == client.Id);
        var grant = new OAuthGrant { Id = Guid.NewGuid(), ClientId = client.Id, ClientName = client.Name, Scopes = scopes, Resource = resource, ApprovedAt = now };
        session.Store(grant);
        await session.SaveChangesAsync(ct);
        return grant;
    }

    private static QueryString ConsentQuery(OpenIddictRequest request) => QueryString.Create(request.GetParameters()
        .Where(parameter => parameter.Key != DecisionParameter)
        .Select(parameter => KeyValuePair.Create(parameter.Key, (string?)parameter.Value)));
}
