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

    public static Guid? FindUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(UserId), out var id) ? id : null;

    public static Guid? FindSessionId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(SessionId), out var id) ? id : null;

    /// <param name="scopes">What the credential was granted; null for the user's own session, which has every <see cref="AccessScope"/>.</param>
    public static ClaimsPrincipal For(Guid userId, string email, string method, Guid? sessionId = null, IEnumerable<string>? scopes = null)
    {
        var identity = new ClaimsIdentity([new Claim(UserId, userId.ToString()), new Claim(Email, email), new Claim("amr", method)],
            PromptmarkAuthentication.SchemeName, UserId, null);
        if (sessionId is { } id) identity.AddClaim(new Claim(SessionId, id.ToString()));
        identity.AddClaims((scopes ?? AccessScope.All).Intersect(AccessScope.All).Select(scope => new Claim(Scope, scope)));
        return new ClaimsPrincipal(identity);
    }
}
