using System.Security.Claims;
using Promptmark.Api.Infrastructure.Auth;
using Wolverine;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// Carries the caller's <see cref="AccessScope"/>s from <see cref="SliceInvoker"/> to the handler as a Wolverine envelope
/// header, for a handler that must not hand out more than the caller holds (a new API key).
/// </summary>
public static class CallerScopesHeader
{
    public const string Name = "promptmark-scopes";

    public static string ValueFor(ClaimsPrincipal caller) => string.Join(' ', caller.FindAll(CallerClaims.Scope).Select(c => c.Value));

    public static IReadOnlyList<string> CallerScopes(this Envelope envelope) =>
        envelope.Headers.TryGetValue(Name, out var scopes) && scopes is not null ? scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
}
