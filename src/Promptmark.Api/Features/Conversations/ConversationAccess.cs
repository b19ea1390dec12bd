using Promptmark.Api.Infrastructure.Slices;
using Marten;
using Marten.Services.BatchQuerying;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Conversations;

public static class ConversationAccess
{
    public const string What = "conversation";

    public static Task<Conversation> LoadOwnedConversationAsync(this IQuerySession session, string id, CancellationToken ct) =>
        session.LoadOwnedAsync<Conversation>(id, What, ct);

    /// <summary>The newest <paramref name="limit"/> messages created before <paramref name="before"/> (all when null), oldest first.</summary>
    public static async Task<MessageWindow> MessageWindowAsync(this IQuerySession session, Guid conversationId, DateTimeOffset? before, int limit, CancellationToken ct)
    {
        var messages = session.Query<ConversationMessage>().Where(m => m.ConversationId == conversationId);
        if (before is { } cursor) messages = messages.Where(m => m.CreatedAt < cursor);
        var newest = await messages.OrderByDescending(m => m.CreatedAt).Take(limit + 1).ToListAsync(ct);
        var page = newest.Take(limit).Reverse().Select(MessageView.Of).ToList();
        var hasMore = newest.Count > limit;
        return new MessageWindow(page, hasMore, hasMore ? page[0].CreatedAt : null);
    }

    /// <summary>Every message of the conversation, oldest first: the history a model is sent.</summary>
    public static async Task<IReadOnlyList<ConversationMessage>> HistoryAsync(this IQuerySession session, Guid conversationId, CancellationToken ct) =>
        await session.Query<ConversationMessage>().Where(m => m.ConversationId == conversationId).OrderBy(m => m.CreatedAt).ToListAsync(ct);

    /// <summary><see cref="HistoryAsync"/>, read with the batch's other queries when it executes.</summary>
    public static Task<IReadOnlyList<ConversationMessage>> History(this IBatchedQuery batch, Guid conversationId) =>
        batch.Query<ConversationMessage>().Where(m => m.ConversationId == conversationId).OrderBy(m => m.CreatedAt).ToList();
}

/// <summary>How many messages one read returns: the reference's default 50, at most 200.</summary>
public static class MessageLimit
{
    public const int Default = 50;
    public const int Max = 200;

    public static void Validate(string field, int? limit, InputErrors errors) =>
        errors.When(limit is < 1 or > Max, field, $"must be between 1 and {Max}");
}
