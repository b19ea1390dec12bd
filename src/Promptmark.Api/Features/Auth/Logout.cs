using FastEndpoints;
using Promptmark.Api.Infrastructure.Auth;

namespace Promptmark.Api.Features.Auth;

/// <summary>Signs the browser out by expiring the session cookie. Tokens held elsewhere stay valid until they expire.</summary>
public sealed class Logout : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/api/auth/logout");
        AllowAnonymous();
        Description(route => route.WithName("logout").WithTags("Auth").WithSummary("Sign out: clears the session cookie").Produces(204), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        HttpContext.Response.Cookies.Delete(PromptmarkAuthentication.CookieName, SessionCookie.Options(HttpContext, DateTimeOffset.UnixEpoch));
        await Send.NoContentAsync(ct);
    }
}
