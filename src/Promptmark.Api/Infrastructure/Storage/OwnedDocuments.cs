using Marten;
using JasperFx.Metadata;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Infrastructure.Storage;

public static class OwnedDocuments
{
    /// <summary>
    /// Loads one of the caller's documents by its wire id. A malformed id, a missing or soft-deleted document and
    /// another user's document (the session is scoped to the caller's tenant) all answer the same "not found".
    /// </summary>
    public static async Task<T> LoadOwnedAsync<T>(this IQuerySession session, string id, string what, CancellationToken ct) where T : class
    {
        if (!Guid.TryParse(id, out var guid)) throw new NotFoundException(what);
        return Owned(await session.LoadAsync<T>(guid, ct), what);
    }

    /// <summary>A document read by id (alone or in a batch) as <see cref="LoadOwnedAsync{T}"/> answers it: missing or soft-deleted is "not found".</summary>
    public static T Owned<T>(T? document, string what) where T : class =>
        document is null or ISoftDeleted { Deleted: true } ? throw new NotFoundException(what) : document;
}
