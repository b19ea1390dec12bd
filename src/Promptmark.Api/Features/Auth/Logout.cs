using FastEndpoints;
using Promptmark.Api.Infrastructure.Auth;

namespace Promptmark.Api.Features.Auth;

/// <summary>
/// Signs out: ends the caller's session on the server, so its token stops working at once everywhere (copies held by
/// other clients included), and expires the session cookie. Anonymous, so a browser with a stale cookie can still
/// clear it; a call made with an API key ends nothing (keys are revoked by deleting them).
/// </summary>
public sealed class Logout(UserSessions sessions) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/api/auth/logout");
        AllowAnonymous();
        Description(route => route.WithName("logout").WithTags("Auth")
            .WithSummary("Sign out: ends the session (its token stops working everywhere) and clears the session cookie").Produces(204), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (User.FindSessionId() is { } sessionId) await sessions.EndAsync(sessionId, ct);
        HttpContext.Response.Cookies.Delete(PromptmarkAuthentication.CookieName, SessionCookie.Options(HttpContext, DateTimeOffset.UnixEpoch));
        await Send.NoContentAsync(ct);
    }
}
