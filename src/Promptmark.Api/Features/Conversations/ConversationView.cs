using Promptmark.Api.Features.Conversations.Tools;

namespace Promptmark.Api.Features.Conversations;

public sealed record MessageView(
    Guid Id, string Role, string Content, string? ModelId, long? InputTokens, long? OutputTokens, decimal? CostUsd, long? LatencyMs,
    DateTimeOffset CreatedAt)
{
    public static MessageView Of(ConversationMessage m) =>
        new(m.Id, m.Role, m.Content, m.ModelId, m.InputTokens, m.OutputTokens, m.CostUsd, m.LatencyMs, m.CreatedAt);
}

/// <summary>A conversation; <see cref="Messages"/> is null when they were not asked for.</summary>
public sealed record ConversationView(
    Guid Id, string Title, string? ModelId, Guid? LinkedPromptId, string? SystemPrompt, string Source, int MessageCount, IReadOnlyList<AttachedTool> Tools,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<MessageView>? Messages = null, bool? HasMoreMessages = null)
{
    public static ConversationView Of(Conversation c) =>
        new(c.Id, c.Title, c.ModelId, c.LinkedPromptId, c.SystemPrompt, c.Source, c.MessageCount, c.Tools, c.CreatedAt, c.UpdatedAt);

    public static ConversationView Of(Conversation c, MessageWindow window) =>
        Of(c) with { Messages = window.Messages, HasMoreMessages = window.HasMore };
}

public sealed record ConversationPage(IReadOnlyList<ConversationView> Conversations, long Total, int Page, int PageSize);

/// <summary>Messages in chronological order; when <see cref="HasMore"/>, pass <see cref="NextBefore"/> as <c>before</c> for the older ones.</summary>
public sealed record MessageWindow(IReadOnlyList<MessageView> Messages, bool HasMore, DateTimeOffset? NextBefore);
