using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations;

[Description("Get a conversation by ID with optional messages.")]
public sealed record GetConversation : PrivateInput, ISlice<ConversationView>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/conversations/{id}").AsTool("get_conversation", "Get a conversation")
        .Described("One of your conversations with its newest messages (oldest first; has_more_messages says whether older ones exist)");

    [Required, Description("The conversation ID to retrieve")]
    public string Id { get; init; } = "";

    [Description("Include messages in response (default true)")]
    public bool? IncludeMessages { get; init; }

    [Description("Max messages to return (default 50, max 200)")]
    public int? MessageLimit { get; init; }

    public void Validate(InputErrors errors) => Conversations.MessageLimit.Validate("message_limit", MessageLimit, errors);
}

public static class GetConversationHandler
{
    public static async Task<ConversationView> Handle(GetConversation query, IDocumentSession session, CancellationToken ct)
    {
        var conversation = await session.LoadOwnedConversationAsync(query.Id, ct);
        if (query.IncludeMessages is false) return ConversationView.Of(conversation);
        var window = await session.MessageWindowAsync(conversation.Id, null, query.MessageLimit ?? MessageLimit.Default, ct);
        return ConversationView.Of(conversation, window);
    }
}
