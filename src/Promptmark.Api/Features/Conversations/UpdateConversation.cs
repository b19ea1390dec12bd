using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations;

[Description("Update conversation metadata (title, model, linked prompt, system prompt). Only provided fields are changed.")]
public sealed record UpdateConversation : PrivateInput, ISlice<ConversationView>, IConversationFields, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Patch("/api/conversations/{id}").AsTool("update_conversation", "Update a conversation")
        .Described("Change a conversation's title, model, linked prompt (empty string unlinks) or system prompt (empty string clears)");

    [Required, Description("The conversation ID to update")]
    public string Id { get; init; } = "";

    [Description("New conversation title (max 200 chars)")]
    public string? Title { get; init; }

    [Description("New model ID")]
    public string? ModelId { get; init; }

    [Description("Prompt ID to link (empty string to unlink)")]
    public string? LinkedPromptId { get; init; }

    [Description("New system prompt text")]
    public string? SystemPrompt { get; init; }

    public void Validate(InputErrors errors) => ConversationFields.Validate(this, errors);
}

public static class UpdateConversationHandler
{
    public static async Task<ConversationView> Handle(UpdateConversation command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var conversation = await session.LoadOwnedConversationAsync(command.Id, ct);
        await ConversationFields.ApplyAsync(command, conversation, session, ct);
        conversation.UpdatedAt = clock.GetUtcNow();
        session.Store(conversation);
        return ConversationView.Of(conversation);
    }
}
