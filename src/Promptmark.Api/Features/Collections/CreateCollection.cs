using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Collections;

[Description("Create a new collection. Names are unique per user whatever their case.")]
public sealed record CreateCollection : PrivateInput, ISlice<CollectionView>, ICollectionFields, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/collections").AsTool("create_collection", "Create a collection").Created().MayAnswer(409)
        .Described("Create a collection (names are unique per user, whatever their case: 409 otherwise)");

    [Required, Description("Collection name")]
    public string? Name { get; init; }

    [Description("Description")]
    public string? Description { get; init; }

    [Description("Icon identifier (default “folder”)")]
    public string? Icon { get; init; }

    [Description("Color: gray, red, orange, yellow, green, cyan, blue, purple, pink (default “gray”)")]
    public string? Color { get; init; }

    [Description("Public visibility (default false)")]
    public bool? IsPublic { get; init; }

    public void Validate(InputErrors errors) => CollectionFields.Validate(this, errors);
}

public static class CreateCollectionHandler
{
    public static async Task<CollectionView> Handle(CreateCollection command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var collection = new Collection { Id = Guid.CreateVersion7(), CreatedAt = now, UpdatedAt = now };
        await CollectionFields.ApplyAsync(command, collection, session, ct);
        session.Store(collection);
        return CollectionView.Of(collection, 0);
    }
}
