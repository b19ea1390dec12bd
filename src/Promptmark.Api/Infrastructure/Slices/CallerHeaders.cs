using System.Security.Claims;
using Promptmark.Api.Infrastructure.Auth;
using Wolverine;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// Carries what the caller's credential allows from <see cref="SliceInvoker"/> to the handler as Wolverine envelope headers:
/// its <see cref="AccessScope"/>s (a handler must not hand out more than the caller holds, as with a new API key) and the
/// collections it is restricted to (<see cref="CollectionGrants"/>; absent when the caller may see every collection).
/// </summary>
public static class CallerHeaders
{
    private const string Scopes = "promptmark-scopes";
    private const string Collections = "promptmark-collections";

    public static void Add(DeliveryOptions options, ClaimsPrincipal caller)
    {
        options.Headers[Scopes] = string.Join(' ', caller.FindAll(CallerClaims.Scope).Select(c => c.Value));
        if (CollectionGrants.Of(caller) is { } granted) options.Headers[Collections] = string.Join(' ', granted);
    }

    public static IReadOnlyList<string> CallerScopes(this Envelope envelope) =>
        envelope.Headers.TryGetValue(Scopes, out var scopes) && scopes is not null ? scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];

    /// <summary>The caller's granted collections, or null when the caller may see every collection.</summary>
    public static IReadOnlyList<Guid>? GrantedCollections(this Envelope envelope) =>
        envelope.Headers.TryGetValue(Collections, out var granted) && granted is not null
            ? granted.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList()
            : null;
}
