using System.Security.Claims;

namespace Promptmark.Api.Infrastructure.Auth;

public static class CallerClaims
{
    public const string UserId = "sub";
    public const string Email = "email";

    public static Guid? FindUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(UserId), out var id) ? id : null;

    public static ClaimsPrincipal For(Guid userId, string email, string method) =>
        new(new ClaimsIdentity([new Claim(UserId, userId.ToString()), new Claim(Email, email), new Claim("amr", method)],
            PromptmarkAuthentication.SchemeName, UserId, null));
}
