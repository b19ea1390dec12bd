using System.Security.Claims;
using Promptmark.Api.Infrastructure.Auth;
using Wolverine;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// Carries the collections the caller's key is restricted to (<see cref="CollectionGrants"/>) from <see cref="SliceInvoker"/>
/// to the handler as a Wolverine envelope header; absent when the caller is not restricted.
/// </summary>
public static class CallerGrantsHeader
{
    public const string Name = "promptmark-collections";

    public static void Add(DeliveryOptions options, ClaimsPrincipal caller)
    {
        if (CollectionGrants.Of(caller) is { } granted) options.Headers[Name] = string.Join(' ', granted);
    }

    /// <summary>The caller's granted collections, or null when the caller may see every collection.</summary>
    public static IReadOnlyList<Guid>? GrantedCollections(this Envelope envelope) =>
        envelope.Headers.TryGetValue(Name, out var granted) && granted is not null
            ? granted.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList()
            : null;
}
