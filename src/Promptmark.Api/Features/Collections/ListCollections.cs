using System.ComponentModel;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;
using Wolverine;

namespace Promptmark.Api.Features.Collections;

[Description("List all collections.")]
public sealed record ListCollections : PrivateInput, ISlice<CollectionList>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/collections").AsTool("list_collections", "List collections").HonoursCollectionGrants()
        .Described("List your collections by name, with how many prompts each holds");

    [Description("Include prompt count per collection (default true)")]
    public bool? IncludeCounts { get; init; }
}

public static class ListCollectionsHandler
{
    public static async Task<CollectionList> Handle(ListCollections query, IDocumentSession session, Envelope envelope, CancellationToken ct)
    {
        var grants = envelope.GrantedCollections();
        IQueryable<Collection> granted = grants is null ? session.Query<Collection>() : session.Query<Collection>().Where(c => grants.Contains(c.Id));
        var collections = await granted.OrderBy(c => c.NameKey).ToListAsync(ct);
        if (query.IncludeCounts is false) return new CollectionList(collections.Select(c => CollectionView.Of(c)).ToList());
        var assigned = await session.VisiblePrompts(grants).Where(p => p.CollectionId != null).Select(p => new { p.CollectionId }).ToListAsync(ct);
        var counts = assigned.GroupBy(p => p.CollectionId!.Value).ToDictionary(g => g.Key, g => g.Count());
        return new CollectionList(collections.Select(c => CollectionView.Of(c, counts.GetValueOrDefault(c.Id))).ToList());
    }
}
