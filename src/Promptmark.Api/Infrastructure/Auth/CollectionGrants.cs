using System.Security.Claims;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>
/// An API key may be restricted at creation to chosen collections: it then sees and touches only their prompts, and
/// only the slices that declare they honour the grant (<c>SliceBinding.WithinCollectionGrants</c>) run for it. Every
/// other feature refuses it, so a new slice is closed to such a key until it filters by the grant.
/// </summary>
public static class CollectionGrants
{
    /// <summary>One claim per granted collection id; a credential without any is not restricted.</summary>
    public const string Claim = "collection";

    /// <summary>The collections the caller's key is restricted to, or null when it is not restricted.</summary>
    public static IReadOnlyList<Guid>? Of(ClaimsPrincipal caller)
    {
        var granted = caller.FindAll(Claim).Select(c => Guid.Parse(c.Value)).ToList();
        return granted.Count == 0 ? null : granted;
    }

    /// <summary>Throws <see cref="OutsideCollectionGrantsException"/> when the caller's key is restricted to chosen collections.</summary>
    public static void RequireUnrestricted(ClaimsPrincipal caller)
    {
        if (caller.HasClaim(c => c.Type == Claim)) throw new OutsideCollectionGrantsException();
    }
}

/// <summary>A key restricted to chosen collections asked for something outside its prompts (skills, keys, conversations…).</summary>
public sealed class OutsideCollectionGrantsException()
    : SliceException("This API key is restricted to chosen collections: it may only list, read and render their prompts, create prompts in them and list those collections.")
{
    public override int Status => StatusCodes.Status403Forbidden;
    public override string Title => "Outside the key's collections";

    public override IReadOnlyDictionary<string, object?> Extensions =>
        new Dictionary<string, object?> { ["error"] = "outside_collection_grants" };
}
