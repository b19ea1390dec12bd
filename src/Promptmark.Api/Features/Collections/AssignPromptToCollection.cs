using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Collections;

[Description("Move a prompt to a collection or remove from its current collection.")]
public sealed record AssignPromptToCollection : PrivateInput, ISlice<PromptCollection>
{
    public static SliceBinding Binding { get; } = SliceBinding.Put("/api/prompts/{prompt_id}/collection").AsTool("assign_prompt_to_collection", "Move a prompt to a collection")
        .Described("Move a prompt into one of your collections, or out of its collection with an empty collection_id");

    [Required, Description("Prompt ID")]
    public string PromptId { get; init; } = "";

    [Description("Target collection ID (empty to remove)")]
    public string? CollectionId { get; init; }
}

public sealed record PromptCollection(Guid PromptId, Guid? CollectionId);

public static class AssignPromptToCollectionHandler
{
    public static async Task<PromptCollection> Handle(AssignPromptToCollection command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var prompt = await session.LoadOwnedPromptAsync(command.PromptId, ct);
        prompt.CollectionId = await session.ResolveCollectionAsync(command.CollectionId ?? "", ct);
        prompt.UpdatedAt = clock.GetUtcNow();
        session.Store(prompt);
        return new PromptCollection(prompt.Id, prompt.CollectionId);
    }
}
