using Marten;
using Marten.Services.BatchQuerying;

namespace Promptmark.Api.Features.Skills;

/// <summary>The skills area's surface for a model: the caller's non-draft skills as a catalog, and one of them in full.</summary>
public static class OfferedSkills
{
    /// <summary>How many skills a catalog lists, so that a large library cannot crowd out the conversation.</summary>
    public const int MaxInCatalog = 100;

    /// <summary>The catalog, read with the batch's other queries when it executes.</summary>
    public static async Task<IReadOnlyList<(string Name, string Description)>> Catalog(this IBatchedQuery batch) =>
        (await batch.Query<Skill>().Where(s => !s.IsDraft).OrderBy(s => s.Name).Take(MaxInCatalog)
            .Select(s => new CatalogEntry(s.Name, s.Description)).ToList())
        .Select(s => (s.Name, s.Description)).ToList();

    private sealed record CatalogEntry(string Name, string Description);

    /// <summary>A non-draft skill of the caller by name, or null.</summary>
    public static async Task<Skill?> FindOfferedAsync(this IQuerySession session, string name, CancellationToken ct) =>
        name.Contains('\0') ? null : await session.Query<Skill>().FirstOrDefaultAsync(s => s.Name == name && !s.IsDraft, ct);
}
