using System.ComponentModel;
using FastEndpoints;
using Marten;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;
using Account = Promptmark.Api.Features.Auth.User;

namespace Promptmark.Api.Features.Auth;

public sealed record LoginRequest : PrivateInput
{
    [Description("Account email")] public string Email { get; init; } = "";
    [Description("Account password")] public string Password { get; init; } = "";
}

public sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Sign-in is REST only and HTTP-specific (it sets the session cookie and throttles by client address), so it is a
/// plain endpoint rather than a slice with an MCP door.
/// </summary>
public sealed class Login(IDocumentStore store, UserSessions sessions, LoginThrottle throttle) : Endpoint<LoginRequest, LoginResponse>
{
    public override void Configure()
    {
        Post("/api/auth/login");
        AllowAnonymous();
        Description(route => route.WithName("login").WithTags("Auth")
            .WithSummary("Sign in: returns a 24 h token and sets it as an HttpOnly cookie")
            .Accepts<LoginRequest>("application/json")
            .Produces<LoginResponse>(200, "application/json")
            .ProducesProblem(401).ProducesProblem(429), clearDefaults: true);
    }

    public override async Task HandleAsync(LoginRequest request, CancellationToken ct)
    {
        var email = Account.NormalizeEmail(request.Email);
        var attempt = throttle.Reserve(email, ClientAddress.Of(HttpContext));
        if (attempt.RetryAfter is { } wait)
        {
            await Send.ResultAsync(TooManyRequests.Answer(HttpContext, wait, "Too many failed sign-ins: wait a few minutes before trying again."));
            return;
        }

        await using var session = store.QuerySession();
        var user = await session.Query<Account>().FirstOrDefaultAsync(u => u.Email == email, ct);
        if (!PasswordHasher.Verify(request.Password, user?.PasswordHash ?? PasswordHasher.Decoy) || user is null)
        {
            await Send.ResultAsync(TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = "Email or password is incorrect.",
            }));
            return;
        }

        throttle.Succeeded(attempt);
        var (token, expiresAt) = await sessions.StartAsync(user.Id, user.Email, ct);
        HttpContext.Response.Cookies.Append(PromptmarkAuthentication.CookieName, token, SessionCookie.Options(HttpContext, expiresAt));
        await Send.OkAsync(new LoginResponse(token, expiresAt), ct);
    }
}
