using System.Text.Json;

namespace Promptmark.Api.Features.Conversations.Transcripts;

/// <summary>
/// One conversation of a Claude data export's conversations.json: <c>name</c> and the <c>chat_messages</c> in order,
/// each with <c>sender</c> human (user) or assistant. A message's text is its <c>content</c> blocks of type text, joined
/// by blank lines, or its <c>text</c> when it has no such block; tool use, tool results, thinking and attachments are
/// left out, and so are messages left without text.
/// </summary>
public static class ClaudeExport
{
    public static TranscriptConversation Read(JsonElement conversation, string where, TranscriptProblems problems)
    {
        var title = JsonFields.String(conversation, "name");
        if (conversation.ValueKind != JsonValueKind.Object || !conversation.TryGetProperty("chat_messages", out var chat) || chat.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{where}.chat_messages", "is missing or not an array: this is not a conversation of a Claude export");
            return new TranscriptConversation(where, title, null, []);
        }
        var messages = new List<TranscriptMessage>();
        var index = 0;
        foreach (var message in chat.EnumerateArray())
        {
            var at = $"{where}.chat_messages[{index++}]";
            var role = JsonFields.String(message, "sender") switch
            {
                "human" => ConversationRoles.User,
                "assistant" => ConversationRoles.Assistant,
                var other => Refuse(problems, $"{at}.sender", (other is null ? "is missing" : $"is '{other}'") + ", expected human or assistant"),
            };
            if (role is not null && TextOf(message) is { Length: > 0 } text) messages.Add(new TranscriptMessage(at, role, text));
        }
        return new TranscriptConversation(where, title, null, messages);
    }

    private static string? Refuse(TranscriptProblems problems, string where, string problem)
    {
        problems.Add(where, problem);
        return null;
    }

    private static string TextOf(JsonElement message)
    {
        if (message.TryGetProperty("content", out var blocks) && blocks.ValueKind == JsonValueKind.Array)
        {
            var texts = blocks.EnumerateArray().Where(b => JsonFields.String(b, "type") == "text")
                .Select(b => JsonFields.String(b, "text")).OfType<string>().Where(t => t.Length > 0).ToList();
            if (texts.Count > 0) return string.Join("\n\n", texts);
        }
        return JsonFields.String(message, "text") ?? "";
    }
}
