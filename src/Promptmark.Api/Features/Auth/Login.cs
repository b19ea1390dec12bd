using System.ComponentModel;
using FastEndpoints;
using Marten;
using Promptmark.Api.Infrastructure.Auth;
using Account = Promptmark.Api.Features.Auth.User;

namespace Promptmark.Api.Features.Auth;

public sealed record LoginRequest
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
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.RetryAfter(email, address) is { } wait)
        {
            HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
            await Problem(StatusCodes.Status429TooManyRequests, "Too many failed sign-ins: wait a few minutes before trying again.", ct);
            return;
        }

        await using var session = store.QuerySession();
        var user = await session.Query<Account>().FirstOrDefaultAsync(u => u.Email == email, ct);
        if (!PasswordHasher.Verify(request.Password, user?.PasswordHash ?? PasswordHasher.Decoy) || user is null)
        {
            throttle.Failed(email, address);
            await Problem(StatusCodes.Status401Unauthorized, "Email or password is incorrect.", ct);
            return;
        }

        throttle.Succeeded(email);
        var (token, expiresAt) = await sessions.StartAsync(user.Id, user.Email, ct);
        HttpContext.Response.Cookies.Append(PromptmarkAuthentication.CookieName, token, SessionCookie.Options(HttpContext, expiresAt));
        await Send.OkAsync(new LoginResponse(token, expiresAt), ct);
    }

    private Task Problem(int status, string detail, CancellationToken ct) =>
        Send.ResultAsync(TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = status == 429 ? "Too many requests" : "Unauthorized", Detail = detail }));
}
