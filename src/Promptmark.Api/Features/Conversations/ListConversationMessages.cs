using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations;

[Description("List messages in a conversation with cursor-based pagination for large threads.")]
public sealed record ListConversationMessages : PrivateInput, ISlice<MessageWindow>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/conversations/{conversation_id}/messages").AsTool("list_conversation_messages", "List a conversation's messages")
        .Described("A conversation's newest messages before a time, oldest first; pass next_before back as before for older ones");

    [Required, Description("The conversation ID")]
    public string ConversationId { get; init; } = "";

    [Description("Cursor: return messages created before this ISO 8601 timestamp")]
    public string? Before { get; init; }

    [Description("Max messages to return (default 50, max 200)")]
    public int? Limit { get; init; }

    public DateTimeOffset? BeforeTime() =>
        DateTimeOffset.TryParse(Before, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    public void Validate(InputErrors errors)
    {
        MessageLimit.Validate("limit", Limit, errors);
        errors.When(Before is { Length: > 0 } && BeforeTime() is null, "before", "must be an ISO 8601 timestamp, e.g. 2026-01-31T12:00:00Z");
    }
}

public static class ListConversationMessagesHandler
{
    public static async Task<MessageWindow> Handle(ListConversationMessages query, IDocumentSession session, CancellationToken ct)
    {
        var conversation = await session.LoadOwnedConversationAsync(query.ConversationId, ct);
        return await session.MessageWindowAsync(conversation.Id, query.BeforeTime(), query.Limit ?? MessageLimit.Default, ct);
    }
}
