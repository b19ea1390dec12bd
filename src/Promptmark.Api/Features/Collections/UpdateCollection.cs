using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Collections;

[Description("Update a collection. Only provided fields are changed.")]
public sealed record UpdateCollection : PrivateInput, ISlice<CollectionView>, ICollectionFields, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Patch("/api/collections/{id}").AsTool("update_collection", "Update a collection").MayAnswer(409);

    [Required, Description("Collection ID")]
    public string Id { get; init; } = "";

    [Description("New name")]
    public string? Name { get; init; }

    [Description("New description")]
    public string? Description { get; init; }

    [Description("New icon")]
    public string? Icon { get; init; }

    [Description("New color")]
    public string? Color { get; init; }

    [Description("Public visibility")]
    public bool? IsPublic { get; init; }

    public void Validate(InputErrors errors) => CollectionFields.Validate(this, errors);
}

public static class UpdateCollectionHandler
{
    public static async Task<CollectionView> Handle(UpdateCollection command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var collection = await session.LoadOwnedAsync<Collection>(command.Id, "collection", ct);
        await CollectionFields.ApplyAsync(command, collection, session, ct);
        collection.UpdatedAt = clock.GetUtcNow();
        session.Store(collection);
        return CollectionView.Of(collection);
    }
}
