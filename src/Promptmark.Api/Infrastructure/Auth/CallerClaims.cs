using System.Security.Claims;

namespace Promptmark.Api.Infrastructure.Auth;

public static class CallerClaims
{
    public const string UserId = "sub";
    public const string Email = "email";

    /// <summary>A scope an OAuth access token was granted (read, write, execute); one claim each.</summary>
    public const string Scope = "scope";

    /// <summary>The sign-in session a session token belongs to; API keys have none.</summary>
    public const string SessionId = "jti";

    /// <summary>How the caller authenticated (RFC 8176 <c>amr</c>): api_key, jwt (a sign-in session) or <see cref="OAuth"/>.</summary>
    public const string Method = "amr";

    /// <summary>The method of an OAuth access token, the one credential a client can trade for more scopes.</summary>
    public const string OAuth = "oauth";

    public static bool IsOAuth(this ClaimsPrincipal principal) => principal.HasClaim(Method, OAuth);

    public static Guid? FindUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(UserId), out var id) ? id : null;

    public static Guid? FindSessionId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(SessionId), out var id) ? id : null;

    /// <param name="scopes">What the credential was granted; null for the user's own session, which has every <see cref="AccessScope"/>.</param>
    /// <param name="collections">The collections an API key is restricted to (<see cref="CollectionGrants"/>); null or empty for all.</param>
    public static ClaimsPrincipal For(Guid userId, string email, string method, Guid? sessionId = null, IEnumerable<string>? scopes = null,
        IEnumerable<Guid>? collections = null)
    {
        var identity = new ClaimsIdentity([new Claim(UserId, userId.ToString()), new Claim(Email, email), new Claim(Method, method)],
            PromptmarkAuthentication.SchemeName, UserId, null);
        if (sessionId is { } id) identity.AddClaim(new Claim(SessionId, id.ToString()));
        identity.AddClaims((scopes ?? AccessScope.All).Intersect(AccessScope.All).Select(scope => new Claim(Scope, scope)));
        identity.AddClaims((collections ?? []).Select(id => new Claim(CollectionGrants.Claim, id.ToString())));
        return new ClaimsPrincipal(identity);
    }
}
