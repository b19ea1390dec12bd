using System.Text.Json;

namespace Promptmark.Api.Features.Conversations.Transcripts;

/// <summary>
/// One conversation of a ChatGPT data export's conversations.json: <c>mapping</c> is a tree of nodes (edits and
/// regenerations branch it), and the branch the user last saw runs from <c>current_node</c> up its <c>parent</c>s to the
/// root. Kept: messages of user, assistant and system with text (<c>content.parts</c> strings, or <c>content.text</c>).
/// Left out: empty nodes, hidden context messages, tool calls and tool output (author <c>tool</c>, or a recipient
/// other than <c>all</c>), and parts that are not text (images, files).
/// </summary>
public static class ChatGptExport
{
    public static TranscriptConversation Read(JsonElement conversation, string where, TranscriptProblems problems)
    {
        var title = JsonFields.String(conversation, "title");
        var model = JsonFields.String(conversation, "default_model_slug") is { Length: > 0 } slug ? $"openai/{slug}" : null;
        if (conversation.ValueKind != JsonValueKind.Object || !conversation.TryGetProperty("mapping", out var mapping) || mapping.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where}.mapping", "is missing or not an object: this is not a conversation of a ChatGPT export");
            return new TranscriptConversation(where, title, model, []);
        }
        if (JsonFields.String(conversation, "current_node") is not { } current)
        {
            problems.Add($"{where}.current_node", "is missing: the export does not say which branch of the conversation is the current one");
            return new TranscriptConversation(where, title, model, []);
        }

        var branch = new List<TranscriptMessage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? id = current; id is not null; )
        {
            var at = $"{where}.mapping[\"{id}\"]";
            if (!seen.Add(id))
            {
                problems.Add(at, "is its own ancestor: the parent links loop");
                break;
            }
            if (!mapping.TryGetProperty(id, out var node) || node.ValueKind != JsonValueKind.Object)
            {
                problems.Add(at, "is named as a parent or current_node but is not in mapping");
                break;
            }
            if (node.TryGetProperty("message", out var message) && MessageOf(message, $"{at}.message", problems) is { } kept) branch.Add(kept);
            id = JsonFields.String(node, "parent");
        }
        branch.Reverse();
        return new TranscriptConversation(where, title, model, branch);
    }

    private static TranscriptMessage? MessageOf(JsonElement message, string where, TranscriptProblems problems)
    {
        if (message.ValueKind != JsonValueKind.Object) return null;
        var role = message.TryGetProperty("author", out var author) ? JsonFields.String(author, "role") : null;
        if (role is "tool") return null;
        if (role is not (ConversationRoles.User or ConversationRoles.Assistant or ConversationRoles.System))
        {
            problems.Add($"{where}.author.role", (role is null ? "is missing" : $"is '{role}'") + ", expected user, assistant, system or tool");
            return null;
        }
        if (JsonFields.String(message, "recipient") is { } recipient && recipient != "all") return null;
        if (message.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("is_visually_hidden_from_conversation", out var hidden) && hidden.ValueKind == JsonValueKind.True) return null;
        var text = message.TryGetProperty("content", out var content) ? TextOf(content) : "";
        return text.Length == 0 ? null : new TranscriptMessage(where, role, text);
    }

    private static string TextOf(JsonElement content)
    {
        if (content.ValueKind != JsonValueKind.Object) return "";
        if (content.TryGetProperty("parts", out var parts) && parts.ValueKind == JsonValueKind.Array)
            return string.Join("\n", parts.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()).Where(p => p!.Length > 0));
        return JsonFields.String(content, "text") ?? "";
    }
}
