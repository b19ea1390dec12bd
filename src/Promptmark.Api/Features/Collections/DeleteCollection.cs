using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Marten.Patching;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Collections;

[Description("Delete a collection. Prompts in it become uncategorized.")]
public sealed record DeleteCollection : PrivateInput, ISlice<Deleted>
{
    public static SliceBinding Binding { get; } = SliceBinding.Delete("/api/collections/{id}").AsTool("delete_collection", "Delete a collection")
        .Described("Delete a collection; its prompts stay, uncategorized (one transaction)");

    [Required, Description("Collection ID")]
    public string Id { get; init; } = "";
}

public static class DeleteCollectionHandler
{
    /// <summary>The delete and the un-assignment are queued in one session, so Wolverine commits them together.</summary>
    public static async Task<Deleted> Handle(DeleteCollection command, IDocumentSession session, CancellationToken ct)
    {
        var collection = await session.LoadOwnedAsync<Collection>(command.Id, "collection", ct);
        session.Patch<Prompt>(p => p.CollectionId == collection.Id).Set(p => p.CollectionId, null);
        session.Delete(collection);
        return new Deleted(collection.Id);
    }
}
