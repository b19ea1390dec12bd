using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Promptmark.Api.Infrastructure.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;
using static OpenIddict.Server.OpenIddictServerHandlers.Protection;

namespace Promptmark.Api.Features.OAuth;

/// <summary>
/// The checks OpenIddict's degraded mode leaves to the host: which clients exist, which redirect URIs and resources they
/// may use, and whether the grant behind a code or refresh token is still alive and that token still its current one.
/// </summary>
public static class GrantLedger
{
    public const string GrantClaim = "pm_grant";
    public const string TokenIdClaim = "pm_tid";

    public static void Register(OpenIddictServerBuilder server)
    {
        server.AddEventHandler<ValidateAuthorizationRequestContext>(b => b.UseScopedHandler<KnownClientAndRedirect>());
        server.AddEventHandler<ValidateTokenRequestContext>(b => b.UseScopedHandler<KnownClient<ValidateTokenRequestContext>>());
        server.AddEventHandler<ValidateRevocationRequestContext>(b => b.UseScopedHandler<KnownClient<ValidateRevocationRequestContext>>());
        server.AddEventHandler<ProcessSignInContext>(b => b.UseScopedHandler<RecordIssuedToken>()
            .SetOrder(OpenIddictServerHandlers.PrepareRefreshTokenPrincipal.Descriptor.Order + 500));
        server.AddEventHandler<ValidateTokenContext>(b => b.UseScopedHandler<RequireLiveGrant>()
            .SetOrder(ValidateExpirationDate.Descriptor.Order + 500));
        server.AddEventHandler<HandleRevocationRequestContext>(b => b.UseScopedHandler<EndGrant>());
    }

    public static Guid? GrantId(this ClaimsPrincipal principal) => Guid.TryParse(principal.GetClaim(GrantClaim), out var id) ? id : null;

    public static async Task<OAuthGrant?> LoadGrantAsync(this IDocumentStore store, ClaimsPrincipal principal, CancellationToken ct)
    {
        if (principal.GrantId() is not { } grantId || !Guid.TryParse(principal.GetClaim(Claims.Subject), out var userId)) return null;
        await using var session = store.QuerySession(userId.ToString());
        return await session.LoadAsync<OAuthGrant>(grantId, ct);
    }

    private static async Task SaveGrantAsync(IDocumentStore store, ClaimsPrincipal principal, OAuthGrant grant, CancellationToken ct)
    {
        await using var session = store.LightweightSession(principal.GetClaim(Claims.Subject)!);
        session.Store(grant);
        await session.SaveChangesAsync(ct);
    }

    private static CancellationToken Aborted(this OpenIddictServerTransaction transaction) =>
        transaction.GetHttpRequest()?.HttpContext.RequestAborted ?? CancellationToken.None;

    public sealed class KnownClientAndRedirect(OAuthClients clients) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
    {
        public async ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
        {
            var lookup = await clients.FindAsync(context.ClientId, context.Transaction.Aborted());
            if (!lookup.IsFound)
            {
                context.Reject(Errors.InvalidClient, lookup.Refusal);
                return;
            }
            if (context.RedirectUri is null || !lookup.Client.RedirectUris.Contains(context.RedirectUri, StringComparer.Ordinal))
            {
                context.Reject(Errors.InvalidClient, ClientMetadataDocuments.IsDocumentUrl(lookup.Client.Id)
                    ? "The redirect_uri is not among the redirect_uris of the client's metadata document."
                    : "The redirect_uri is not one this client registered.");
                return;
            }
            var ours = ProtectedResource.McpResource(context.Transaction.GetHttpRequest()!);
            if (context.Request.Resources?.Any(resource => resource != ours) == true)
                context.Reject(Errors.InvalidTarget, $"Tokens are issued for {ours} only.");
        }
    }

    public sealed class KnownClient<TContext>(OAuthClients clients) : IOpenIddictServerHandler<TContext> where TContext : BaseValidatingClientContext
    {
        public async ValueTask HandleAsync(TContext context)
        {
            if (await clients.FindAsync(context.ClientId, context.Transaction.Aborted()) is { IsFound: false } lookup)
                context.Reject(Errors.InvalidClient, lookup.Refusal);
        }
    }

    /// <summary>
    /// Gives each code and refresh token a fresh id and makes it the grant's current one (rotation); tokens issued at the
    /// token endpoint mean the pending code, if any, was just redeemed.
    /// </summary>
    public sealed class RecordIssuedToken(IDocumentStore store) : IOpenIddictServerHandler<ProcessSignInContext>
    {
        public async ValueTask HandleAsync(ProcessSignInContext context)
        {
            var ct = context.Transaction.Aborted();
            var grant = await store.LoadGrantAsync(context.Principal!, ct) ?? throw new InvalidOperationException("Tokens are being issued for a grant that does not exist.");
            if (context.EndpointType == OpenIddictServerEndpointType.Token) grant.PendingCodeId = null;
            if (context.AuthorizationCodePrincipal is { } code) grant.PendingCodeId = Stamp(code);
            if (context.RefreshTokenPrincipal is { } refresh) grant.CurrentRefreshTokenId = Stamp(refresh);
            await SaveGrantAsync(store, context.Principal!, grant, ct);
        }

        private static string Stamp(ClaimsPrincipal principal)
        {
            var tokenId = Guid.NewGuid().ToString("N");
            principal.SetClaim(TokenIdClaim, tokenId);
            return tokenId;
        }
    }

    /// <summary>
    /// A code or refresh token works only while its grant exists and it is the grant's current one: a code once, a
    /// refresh token until the next one is issued. One presented again after that means it leaked, and the grant ends
    /// with every token of it (OAuth 2.1 §4.3.1, refresh token reuse detection; RFC 6749 §4.1.2 for codes).
    /// </summary>
    public sealed class RequireLiveGrant(IDocumentStore store) : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public async ValueTask HandleAsync(ValidateTokenContext context)
        {
            var type = context.Principal?.GetTokenType();
            if (context.Principal is null || type is not (TokenTypeIdentifiers.Private.AuthorizationCode or TokenTypeIdentifiers.RefreshToken)) return;
            var ct = context.Transaction.Aborted();
            var grant = await store.LoadGrantAsync(context.Principal, ct);
            var tokenId = context.Principal.GetClaim(TokenIdClaim);
            var current = type == TokenTypeIdentifiers.Private.AuthorizationCode ? grant?.PendingCodeId : grant?.CurrentRefreshTokenId;
            if (grant is null || tokenId is null || tokenId != current)
            {
                if (grant is not null) await EndAsync(store, context.Principal, grant.Id, ct);
                context.Reject(Errors.InvalidGrant, type == TokenTypeIdentifiers.Private.AuthorizationCode
                    ? "The authorization code was already used, or its authorization was revoked; a code used twice revokes its authorization."
                    : "The refresh token was replaced by a newer one, or its authorization was revoked; a replaced token used again revokes its authorization.");
            }
        }
    }

    /// <summary>Revoking any token of a grant (RFC 7009) ends the whole grant, as "Revoke" in Settings does.</summary>
    public sealed class EndGrant(IDocumentStore store) : IOpenIddictServerHandler<HandleRevocationRequestContext>
    {
        public async ValueTask HandleAsync(HandleRevocationRequestContext context)
        {
            if (context.GenericTokenPrincipal?.GrantId() is { } grantId)
                await EndAsync(store, context.GenericTokenPrincipal, grantId, context.Transaction.Aborted());
        }
    }

    private static async Task EndAsync(IDocumentStore store, ClaimsPrincipal principal, Guid grantId, CancellationToken ct)
    {
        await using var session = store.LightweightSession(principal.GetClaim(Claims.Subject)!);
        session.Delete<OAuthGrant>(grantId);
        await session.SaveChangesAsync(ct);
    }
}
