using Promptmark.Api.Features.Conversations.Tools;
using Promptmark.Api.Features.Conversations.Turns;
using Promptmark.Api.Features.Scans;

namespace Promptmark.Api.Features.Conversations;

/// <summary>A message; the tool fields are set on the tool loop's assistant and tool messages only.</summary>
public sealed record MessageView(
    Guid Id, string Role, string Content, string? ModelId, long? InputTokens, long? OutputTokens, decimal? CostUsd, long? LatencyMs,
    DateTimeOffset CreatedAt, IReadOnlyList<MessageToolCall>? ToolCalls, string? ToolCallId, string? ToolName, string? Outcome,
    Guid? ExecutionId, IReadOnlyList<ScanFinding>? Findings)
{
    public static MessageView Of(ConversationMessage m) =>
        new(m.Id, m.Role, m.Content, m.ModelId, m.InputTokens, m.OutputTokens, m.CostUsd, m.LatencyMs, m.CreatedAt,
            m.ToolCalls, m.ToolCallId, m.ToolName, m.Outcome, m.ExecutionId, m.Findings);
}

/// <summary>A conversation; <see cref="Messages"/> is null when they were not asked for.</summary>
public sealed record ConversationView(
    Guid Id, string Title, string? ModelId, Guid? LinkedPromptId, string? SystemPrompt, string Source, int MessageCount, IReadOnlyList<AttachedTool> Tools, PendingApproval? AwaitingApproval,
    PendingAuthorization? AwaitingAuthorization, PendingInput? AwaitingInput,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<MessageView>? Messages = null, bool? HasMoreMessages = null)
{
    public static ConversationView Of(Conversation c) =>
        new(c.Id, c.Title, c.ModelId, c.LinkedPromptId, c.SystemPrompt, c.Source, c.MessageCount, c.Tools, c.AwaitingApproval, c.AwaitingAuthorization, c.AwaitingInput, c.CreatedAt, c.UpdatedAt);

    public static ConversationView Of(Conversation c, MessageWindow window) =>
        Of(c) with { Messages = window.Messages, HasMoreMessages = window.HasMore };
}

public sealed record ConversationPage(IReadOnlyList<ConversationView> Conversations, long Total, int Page, int PageSize);

/// <summary>Messages in chronological order; when <see cref="HasMore"/>, pass <see cref="NextBefore"/> as <c>before</c> for the older ones.</summary>
public sealed record MessageWindow(IReadOnlyList<MessageView> Messages, bool HasMore, DateTimeOffset? NextBefore);
