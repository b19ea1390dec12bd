using Marten;

namespace Promptmark.Api.Features.Skills;

/// <summary>The skills area's surface for a model: the caller's non-draft skills as a catalog, and one of them in full.</summary>
public static class OfferedSkills
{
    /// <summary>How many skills a catalog lists, so that a large library cannot crowd out the conversation.</summary>
    public const int MaxInCatalog = 100;

    public static async Task<IReadOnlyList<(string Name, string Description)>> CatalogAsync(this IQuerySession session, CancellationToken ct) =>
        (await session.Query<Skill>().Where(s => !s.IsDraft).OrderBy(s => s.Name).Take(MaxInCatalog)
            .Select(s => new { s.Name, s.Description }).ToListAsync(ct))
        .Select(s => (s.Name, s.Description)).ToList();

    /// <summary>A non-draft skill of the caller by name, or null.</summary>
    public static async Task<Skill?> FindOfferedAsync(this IQuerySession session, string name, CancellationToken ct) =>
        name.Contains('\0') ? null : await session.Query<Skill>().FirstOrDefaultAsync(s => s.Name == name && !s.IsDraft, ct);
}
