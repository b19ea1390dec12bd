using Marten;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Collections;

public static class CollectionAssignment
{
    /// <summary>The collection a prompt should move to: none for an empty id, else one of the caller's collections (or "collection not found").</summary>
    public static async Task<Guid?> ResolveCollectionAsync(this IQuerySession session, string collectionId, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(collectionId) ? null : (await session.LoadOwnedAsync<Collection>(collectionId, "collection", ct)).Id;
}
