using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Conversations.Turns;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations;

[Description("Send a message in a conversation and get the AI response (non-streaming). Requires an API key configured in Settings (supports OpenRouter, OpenAI, and Anthropic).")]
public sealed record SendMessage : PrivateInput, ISlice<SentMessage>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/conversations/{conversation_id}/messages").AsTool("send_message", "Send a message to the model", ToolHints.Adds with { OpenWorld = true }).MayAnswer(409, 422, 502)
        .Described("Send the conversation's system prompt, its history and this message to its model, which may call the attached tools " +
                   "(each result content-scanned before the model reads it; a tool set to ask pauses the turn with status awaiting_approval, " +
                   "409 while one waits). Every message of the turn, with tokens, cost and latency, is stored together, or none when a model " +
                   "call fails (422 when the provider refused the request, 502 when it failed)");

    [Required, Description("The conversation ID to send a message in")]
    public string ConversationId { get; init; } = "";

    [Required, Description("Message content to send")]
    public string Content { get; init; } = "";

    [Description("Optional reference to a prompt ID")]
    public string? PromptReferenceId { get; init; }

    public void Validate(InputErrors errors)
    {
        errors.When(Content.Trim().Length == 0, "content", "must not be empty");
        errors.When(Content.Length > ImportedMessage.MaxContent, "content", $"must be at most {ImportedMessage.MaxContent:N0} characters");
    }
}

/// <summary>
/// What a send (or a decision on a paused call) did: <see cref="Messages"/> holds every message it stored or changed, in
/// order (the question, each answer with its tool calls, each tool result with its scan findings); <see cref="Status"/>
/// is completed, awaiting_approval or iteration_limit.
/// </summary>
public sealed record SentMessage(Guid ConversationId, MessageView? UserMessage, MessageView AssistantMessage, string Status, IReadOnlyList<MessageView> Messages);

public static class SendMessageHandler
{
    public static Task<SentMessage> Handle(SendMessage command, IDocumentSession session, TurnRunner turns, TemplateLimit limit, CancellationToken ct) =>
        SendAsync(command, session, turns, limit, null, ct);

    /// <summary>The send of both doors and of the stream route (<see cref="StreamMessage"/>), which passes its <paramref name="stream"/>.</summary>
    internal static async Task<SentMessage> SendAsync(
        SendMessage command, IDocumentSession session, TurnRunner turns, TemplateLimit limit, TurnStream? stream, CancellationToken ct)
    {
        var conversation = await session.LoadOwnedConversationAsync(command.ConversationId, ct);
        var content = command.PromptReferenceId is { Length: > 0 } referenceId
            ? limit.Render(await session.LoadOwnedPromptAsync(referenceId, ct), null, "The referenced prompt needs variable values").Text + "\n\n" + command.Content
            : command.Content;
        return await turns.SendAsync(session, conversation, content, stream, ct);
    }
}
