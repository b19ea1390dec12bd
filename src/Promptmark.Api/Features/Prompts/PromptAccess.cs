using Marten;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Prompts;

public static class PromptAccess
{
    public const string What = "prompt";

    /// <summary>One of the caller's own prompts, for anything that changes it.</summary>
    public static Task<Prompt> LoadOwnedPromptAsync(this IQuerySession session, string id, CancellationToken ct) =>
        session.LoadOwnedAsync<Prompt>(id, What, ct);

    /// <summary>
    /// A prompt the caller may read: their own, or another user's public one. Private prompts of others answer
    /// "prompt not found", exactly like a missing id. A key restricted to <paramref name="grants"/> reads only its
    /// collections' prompts (not others' public ones): anything else answers "not found" too.
    /// </summary>
    public static async Task<Prompt> LoadReadablePromptAsync(this IQuerySession session, string id, CancellationToken ct,
        IReadOnlyList<Guid>? grants = null)
    {
        if (!Guid.TryParse(id, out var guid)) throw new NotFoundException(What);
        var own = await session.LoadAsync<Prompt>(guid, ct);
        if (own is { Deleted: false } && Grants(own, grants)) return own;
        if (grants is not null) throw new NotFoundException(What);
        return await session.Query<Prompt>().Where(p => p.AnyTenant() && p.Id == guid && p.IsPublic).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(What);
    }

    /// <summary>
    /// The caller's prompts a credential restricted to <paramref name="grants"/> (see <c>CollectionGrants</c>) may see:
    /// every prompt of the caller when null, else only those in a granted collection.
    /// </summary>
    public static IQueryable<Prompt> VisiblePrompts(this IQuerySession session, IReadOnlyList<Guid>? grants) =>
        grants is null ? session.Query<Prompt>() : session.Query<Prompt>().Where(p => p.CollectionId != null && grants.Contains(p.CollectionId.Value));

    private static bool Grants(Prompt prompt, IReadOnlyList<Guid>? grants) =>
        grants is null || prompt.CollectionId is { } collection && grants.Contains(collection);
}
