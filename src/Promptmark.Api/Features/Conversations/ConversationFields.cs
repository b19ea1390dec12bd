using Marten;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations;

/// <summary>The fields create_conversation and update_conversation share, checked and applied one way.</summary>
public interface IConversationFields
{
    string? Title { get; }
    string? ModelId { get; }
    string? LinkedPromptId { get; }
    string? SystemPrompt { get; }
}

public static class ConversationFields
{
    public const int MaxTitle = 200;
    public const int MaxSystemPrompt = 100_000;

    public static void Validate(IConversationFields fields, InputErrors errors)
    {
        ValidateTitle(fields.Title, errors);
        errors.When(fields.ModelId is { } model && !ModelId.TryParse(model, out _), "model_id", $"must be {ModelId.Format}");
        errors.When(fields.SystemPrompt is { Length: > MaxSystemPrompt }, "system_prompt", $"must be at most {MaxSystemPrompt:N0} characters");
    }

    public static void ValidateTitle(string? title, InputErrors errors)
    {
        errors.When(title is not null && title.Trim().Length == 0, "title", "must not be empty");
        errors.When(title is not null && title.Trim().Length > MaxTitle, "title", $"must be at most {MaxTitle} characters");
    }

    /// <summary>Applies the fields that were given; an empty linked_prompt_id unlinks, an empty system_prompt clears it.</summary>
    public static async Task ApplyAsync(IConversationFields fields, Conversation conversation, IQuerySession session, CancellationToken ct)
    {
        if (fields.Title is { } title) conversation.Title = title.Trim();
        if (fields.ModelId is { } model && ModelId.TryParse(model, out var id)) conversation.ModelId = id.ToString();
        if (fields.LinkedPromptId is { } promptId)
            conversation.LinkedPromptId = promptId.Length == 0 ? null : (await session.LoadOwnedPromptAsync(promptId, ct)).Id;
        if (fields.SystemPrompt is { } systemPrompt) conversation.SystemPrompt = systemPrompt.Length == 0 ? null : systemPrompt;
    }
}
