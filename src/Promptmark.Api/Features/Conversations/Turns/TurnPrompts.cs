using System.Text;
using Microsoft.Extensions.AI;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Conversations.Turns;

/// <summary>What the model reads before the history: the system prompt, with the skills catalog after it, and the history as chat messages.</summary>
public static class TurnPrompts
{
        /// <summary>The conversation's own system prompt, else its linked prompt rendered (it must need no variable values), else none.</summary>
    /// <param name="linked">The conversation's linked prompt as loaded, null when it has none or it is gone.</param>
    public static string? SystemPrompt(Conversation conversation, Prompt? linked, TemplateLimit limit)
    {
        if (conversation.SystemPrompt is { Length: > 0 } own) return own;
        if (conversation.LinkedPromptId is null) return null;
        if (linked is null or { Deleted: true })
            throw new UnprocessableException("The conversation's linked prompt was deleted: link another one or unlink it with update_conversation.");
        return limit.Render(linked, null, "The linked prompt needs variable values, which a conversation cannot give").Text;
    }

    public static string? WithSkillCatalog(string? systemPrompt, IReadOnlyList<(string Name, string Description)> skills)
    {
        if (skills.Count == 0) return systemPrompt;
        var text = new StringBuilder(systemPrompt is null ? "" : systemPrompt + "\n\n")
            .AppendLine($"The user's skills (call {OfferedTools.LoadSkill} with a skill's name to read its instructions before using it):");
        foreach (var (name, description) in skills) text.AppendLine($"- {name}: {description}");
        return text.ToString().TrimEnd();
    }

    public static List<ChatMessage> Context(string? systemPrompt, IEnumerable<ConversationMessage> history)
    {
        List<ChatMessage> chat = systemPrompt is null ? [] : [new ChatMessage(ChatRole.System, systemPrompt)];
        chat.AddRange(history.Select(ToChat));
        return chat;
    }

    private static ChatMessage ToChat(ConversationMessage message) => message switch
    {
        { Role: ConversationRoles.Tool } => new ChatMessage(ChatRole.Tool,
            [new FunctionResultContent(message.ToolCallId!, ToolResultText.ForModel(message.Content, message.Findings))]),
        { Role: ConversationRoles.Assistant, ToolCalls.Count: > 0 } => new ChatMessage(ChatRole.Assistant,
            [.. message.Content.Length > 0 ? [new TextContent(message.Content)] : Array.Empty<AIContent>(), .. message.ToolCalls.Select(c => c.ToContent())]),
        _ => new ChatMessage(new ChatRole(message.Role), message.Content),
    };
}
