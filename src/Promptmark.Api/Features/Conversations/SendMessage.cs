using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.Extensions.AI;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Features.Providers;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations;

[Description("Send a message in a conversation and get the AI response (non-streaming). Requires an API key configured in Settings (supports OpenRouter, OpenAI, and Anthropic).")]
public sealed record SendMessage : PrivateInput, ISlice<SentMessage>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/conversations/{conversation_id}/messages").AsTool("send_message", "Send a message to the model", ToolHints.Adds with { OpenWorld = true }).MayAnswer(422, 502)
        .Described("Send the conversation's system prompt, its history and this message to its model; the message and the answer " +
                   "(with tokens, cost and latency) are stored together, or neither when the call fails (422 when the provider refused the request, 502 when it failed)");

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

public sealed record SentMessage(Guid ConversationId, MessageView UserMessage, MessageView AssistantMessage);

public static class SendMessageHandler
{
    public static async Task<SentMessage> Handle(
        SendMessage command, IDocumentSession session, ModelAccess models, TemplateLimit limit, TimeProvider clock, CancellationToken ct)
    {
        var conversation = await session.LoadOwnedConversationAsync(command.ConversationId, ct);
        var content = command.PromptReferenceId is { Length: > 0 } referenceId
            ? limit.Render(await session.LoadOwnedPromptAsync(referenceId, ct), null, "The referenced prompt needs variable values").Text + "\n\n" + command.Content
            : command.Content;
        var systemPrompt = await SystemPromptAsync(conversation, session, limit, ct);
        var model = await models.OpenAsync(session, conversation.ModelId
            ?? throw new UnprocessableException("This conversation has no model: set its model_id with update_conversation first."), ct);

        List<ChatMessage> chat = systemPrompt is null ? [] : [new ChatMessage(ChatRole.System, systemPrompt)];
        chat.AddRange((await session.HistoryAsync(conversation.Id, ct)).Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)));
        chat.Add(new ChatMessage(ChatRole.User, content));

        var sentAt = clock.GetUtcNow();
        var started = clock.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await model.Client.GetResponseAsync(chat, cancellationToken: ct);
        }
        catch (Exception failure) when (ProviderFailure.From(model.Id.Provider, failure) is { } reason)
        {
            throw reason.Status is >= 400 and < 500 and not 429 ? new UnprocessableException(reason.Message) : new BadGatewayException(reason.Message);
        }
        var latency = clock.GetElapsedTime(started);
        var cost = await models.RecordAsync(session, model.Id, response.Usage, ct);

        var question = new ConversationMessage
        {
            Id = Guid.CreateVersion7(), ConversationId = conversation.Id, Role = ConversationRoles.User, Content = content, CreatedAt = sentAt,
        };
        // The answer must sort after the question even when the clock has not moved between them.
        var answeredAt = clock.GetUtcNow();
        var answer = new ConversationMessage
        {
            Id = Guid.CreateVersion7(), ConversationId = conversation.Id, Role = ConversationRoles.Assistant, Content = response.Text,
            ModelId = model.Id.ToString(), InputTokens = cost.InputTokens, OutputTokens = cost.OutputTokens, CostUsd = cost.CostUsd,
            LatencyMs = (long)latency.TotalMilliseconds, CreatedAt = answeredAt > sentAt ? answeredAt : sentAt.AddMilliseconds(1),
        };
        conversation.MessageCount += 2;
        conversation.UpdatedAt = answer.CreatedAt;
        session.Store(question, answer);
        session.Store(conversation);
        return new SentMessage(conversation.Id, MessageView.Of(question), MessageView.Of(answer));
    }

    /// <summary>The conversation's own system prompt, else its linked prompt rendered (it must need no variable values), else none.</summary>
    private static async Task<string?> SystemPromptAsync(Conversation conversation, IQuerySession session, TemplateLimit limit, CancellationToken ct)
    {
        if (conversation.SystemPrompt is { Length: > 0 } own) return own;
        if (conversation.LinkedPromptId is not { } linkedId) return null;
        var linked = await session.LoadAsync<Prompt>(linkedId, ct);
        if (linked is null or { Deleted: true })
            throw new UnprocessableException("The conversation's linked prompt was deleted: link another one or unlink it with update_conversation.");
        return limit.Render(linked, null, "The linked prompt needs variable values, which a conversation cannot give").Text;
    }
}
