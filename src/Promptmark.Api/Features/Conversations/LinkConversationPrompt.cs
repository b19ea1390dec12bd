using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations;

[Description("Link a conversation to an existing prompt for system prompt injection.")]
public sealed record LinkConversationPrompt : PrivateInput, ISlice<ConversationView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Put("/api/conversations/{conversation_id}/prompt").AsTool("link_conversation_prompt", "Link a prompt to a conversation")
        .Described("Link one of your prompts to a conversation: it becomes the system prompt when the conversation has no system_prompt of its own");

    [Required, Description("The conversation ID")]
    public string ConversationId { get; init; } = "";

    [Required, Description("The prompt ID to link")]
    public string PromptId { get; init; } = "";
}

public static class LinkConversationPromptHandler
{
    public static async Task<ConversationView> Handle(LinkConversationPrompt command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var conversation = await session.LoadOwnedConversationAsync(command.ConversationId, ct);
        conversation.LinkedPromptId = (await session.LoadOwnedPromptAsync(command.PromptId, ct)).Id;
        conversation.UpdatedAt = clock.GetUtcNow();
        session.Store(conversation);
        return ConversationView.Of(conversation);
    }
}
