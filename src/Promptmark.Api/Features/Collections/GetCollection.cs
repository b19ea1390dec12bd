using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Collections;

[Description("Get a specific collection with optional prompt list.")]
public sealed record GetCollection : PrivateInput, ISlice<CollectionView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/collections/{id}").AsTool("get_collection", "Get a collection")
        .Described("Get one collection with its prompt count, and its prompt IDs on request (newest first)");

    [Required, Description("Collection ID")]
    public string Id { get; init; } = "";

    [Description("Include prompt IDs (default false)")]
    public bool? IncludePrompts { get; init; }
}

public static class GetCollectionHandler
{
    public static async Task<CollectionView> Handle(GetCollection query, IDocumentSession session, CancellationToken ct)
    {
        var collection = await session.LoadOwnedAsync<Collection>(query.Id, "collection", ct);
        var promptIds = await session.Query<Prompt>().Where(p => p.CollectionId == collection.Id)
            .OrderByDescending(p => p.UpdatedAt).Select(p => p.Id).ToListAsync(ct);
        return CollectionView.Of(collection, promptIds.Count, query.IncludePrompts is true ? promptIds : null);
    }
}
