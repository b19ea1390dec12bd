using System.Security.Claims;
using System.Text.Encodings.Web;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Promptmark.Api.Features.ApiKeys;

namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>
/// One scheme for every door: <c>Authorization: Bearer &lt;jwt or pm_ key&gt;</c>, <c>X-API-Key: pm_…</c>, or the
/// session cookie set at sign-in. A failed challenge answers 401 with a <c>WWW-Authenticate</c> header and a
/// problem details body that says what to send.
/// </summary>
public sealed class PromptmarkAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserSessions sessions,
    IDocumentStore store) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Promptmark";
    public const string CookieName = "pm_session";
    public const string ApiKeyHeader = "X-API-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadCredential(Request) is not var (credential, _)) return AuthenticateResult.NoResult();
        var principal = ApiKeySecret.LooksLikeKey(credential) ? await FromApiKeyAsync(credential)
            : await sessions.AuthenticateAsync(credential, Context.RequestAborted) ?? await OAuthBearerAsync();
        return principal is null
            ? AuthenticateResult.Fail("The credential is invalid or expired.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>The credential this scheme reads from the request, in its order of precedence, and whether it is the session cookie.</summary>
    public static (string Value, bool FromCookie)? ReadCredential(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return (authorization["Bearer ".Length..].Trim(), false);
        if (request.Headers[ApiKeyHeader].ToString() is { Length: > 0 } key) return (key.Trim(), false);
        return request.Cookies[CookieName] is { } cookie ? (cookie, true) : null;
    }

    private async Task<ClaimsPrincipal?> FromApiKeyAsync(string key)
    {
        var hash = ApiKeySecret.Hash(key);
        await using var session = store.QuerySession();
        var owner = await session.Query<ApiKey>()
            .Where(k => k.AnyTenant() && k.Hash == hash)
            .Select(k => new { k.UserId, k.Email, k.Scopes, k.CollectionIds })
            .FirstOrDefaultAsync(Context.RequestAborted);
        return owner is null ? null : CallerClaims.For(owner.UserId, owner.Email, "api_key", scopes: owner.Scopes, collections: owner.CollectionIds);
    }

    private Task<ClaimsPrincipal?> OAuthBearerAsync() =>
        Context.RequestServices.GetService<IOAuthBearer>()?.AuthenticateAsync(Context) ?? Task.FromResult<ClaimsPrincipal?>(null);

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failed = (await Context.AuthenticateAsync(SchemeName)).Failure is not null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // resource_metadata lets an OAuth client (RFC 9728, MCP authorization) discover how to get a token for this server.
        var challenge = $"Bearer realm=\"promptmark\", resource_metadata=\"{ProtectedResource.MetadataUrl(Request)}\"";
        Response.Headers.WWWAuthenticate = failed
            ? challenge + ", error=\"invalid_token\", error_description=\"The credential is invalid or expired\""
            : challenge;
        await Response.WriteAsJsonAsync(new
        {
            type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            title = "Unauthorized",
            status = 401,
            detail = failed
                ? "The credential is invalid or expired: sign in again or create a new API key."
                : "Authentication required: send 'Authorization: Bearer <token or pm_ API key>' or 'X-API-Key: pm_…', or sign in.",
        }, options: null, contentType: "application/problem+json");
    }
}
