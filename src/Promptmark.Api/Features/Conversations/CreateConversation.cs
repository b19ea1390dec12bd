using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations;

[Description("Create a new conversation with a model and optional system prompt.")]
public sealed record CreateConversation : PrivateInput, ISlice<ConversationView>, IConversationFields, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/conversations").AsTool("create_conversation", "Start a conversation").Created()
        .Described("Start a conversation with a provider/model; its system prompt is system_prompt, else the linked prompt of yours");

    [Required, Description("Conversation title")]
    public string? Title { get; init; }

    [Required, Description("AI model ID for this conversation (e.g. anthropic/claude-sonnet-4)")]
    public string? ModelId { get; init; }

    [Description("Link to an existing prompt ID for system prompt")]
    public string? LinkedPromptId { get; init; }

    [Description("Custom system prompt (overrides linked prompt)")]
    public string? SystemPrompt { get; init; }

    public void Validate(InputErrors errors) => ConversationFields.Validate(this, errors);
}

public static class CreateConversationHandler
{
    public static async Task<ConversationView> Handle(CreateConversation command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var conversation = new Conversation { Id = Guid.CreateVersion7(), OwnerId = session.CallerId(), CreatedAt = now, UpdatedAt = now };
        await ConversationFields.ApplyAsync(command, conversation, session, ct);
        session.Store(conversation);
        return ConversationView.Of(conversation);
    }
}
