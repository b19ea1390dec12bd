using System.Text.Json;

namespace Promptmark.Api.Features.Conversations.Transcripts;

/// <summary>
/// The reference's generic shape: an object with <c>title</c>, <c>model</c> and <c>messages</c> (what import_conversation
/// takes, and what the JSON export writes), or a bare array of <c>{role, content}</c> messages. Other members are ignored.
/// </summary>
public static class MessageArrayExport
{
    public static TranscriptConversation Read(JsonElement conversation, string where, TranscriptProblems problems)
    {
        var messages = conversation.ValueKind == JsonValueKind.Array ? conversation
            : conversation.ValueKind == JsonValueKind.Object && conversation.TryGetProperty("messages", out var listed) ? listed
            : default;
        var at = conversation.ValueKind == JsonValueKind.Array ? where : $"{where}.messages";
        if (messages.ValueKind != JsonValueKind.Array)
        {
            problems.Add(at, "is missing or not an array of {role, content} messages");
            return new TranscriptConversation(where, null, null, []);
        }
        var read = new List<TranscriptMessage>();
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var place = $"{at}[{index++}]";
            if (JsonFields.String(message, "role") is not { } role) problems.Add($"{place}.role", "is missing or not a string");
            else if (JsonFields.String(message, "content") is not { } content) problems.Add($"{place}.content", "is missing or not a string");
            else read.Add(new TranscriptMessage(place, role, content));
        }
        return new TranscriptConversation(where, JsonFields.String(conversation, "title"), JsonFields.String(conversation, "model"), read);
    }
}
