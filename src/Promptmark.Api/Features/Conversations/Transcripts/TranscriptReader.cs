using System.Text.Json;
using Promptmark.Api.Infrastructure.Json;

namespace Promptmark.Api.Features.Conversations.Transcripts;

/// <summary>The conversations of an export file, in its format (one of <see cref="ConversationSources.Imported"/>).</summary>
public sealed record TranscriptFile(string Format, IReadOnlyList<TranscriptConversation> Conversations);

public static class TranscriptReader
{
    /// <summary>
    /// Reads <paramref name="file"/> as <paramref name="format"/>, or, when none is given, as what its content is: a text
    /// starting with <c>{</c> or <c>[</c> is JSON (ChatGPT when its conversations have <c>mapping</c>, Claude when they have
    /// <c>chat_messages</c>, else the generic message shape), anything else markdown. Throws a 422 naming every place
    /// that cannot be read.
    /// </summary>
    public static TranscriptFile Read(string file, string? format)
    {
        var problems = new TranscriptProblems();
        if (format == ConversationSources.Markdown || (format is null && !LooksLikeJson(file)))
        {
            var transcript = MarkdownTranscript.Read(file, problems);
            problems.ThrowIfAny(ConversationSources.Markdown);
            return new TranscriptFile(ConversationSources.Markdown, [transcript]);
        }

        using var document = Parse(file, format, problems);
        var root = document.RootElement;
        format ??= Detect(root);
        var conversations = format switch
        {
            ConversationSources.ChatGpt => Each(root).Select(c => ChatGptExport.Read(c.Element, c.Where, problems)).ToList(),
            ConversationSources.Claude => Each(root).Select(c => ClaudeExport.Read(c.Element, c.Where, problems)).ToList(),
            ConversationSources.Json when IsMessageArray(root) => [MessageArrayExport.Read(root, "$", problems)],
            ConversationSources.Json => Each(root).Select(c => MessageArrayExport.Read(c.Element, c.Where, problems)).ToList(),
            _ => Unrecognised(problems),
        };
        problems.ThrowIfAny(format ?? "JSON");
        return new TranscriptFile(format!, conversations);
    }

    private static bool LooksLikeJson(string file) => file.AsSpan().TrimStart() is [ '{' or '[', .. ];

    private static JsonDocument Parse(string file, string? format, TranscriptProblems problems)
    {
        try
        {
            return JsonDocument.Parse(file, new JsonDocumentOptions { MaxDepth = Wire.MaxDepth });
        }
        catch (JsonException e)
        {
            problems.Add("file", $"is not valid JSON, or nests deeper than {Wire.MaxDepth} levels (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
            problems.ThrowIfAny(format ?? "JSON");
            throw;
        }
    }

    /// <summary>The format of a JSON export, from its first conversation; null when it is none of them.</summary>
    private static string? Detect(JsonElement root)
    {
        if (IsMessageArray(root)) return ConversationSources.Json;
        var first = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().FirstOrDefault() : root;
        if (first.ValueKind != JsonValueKind.Object) return null;
        if (first.TryGetProperty("mapping", out _)) return ConversationSources.ChatGpt;
        if (first.TryGetProperty("chat_messages", out _)) return ConversationSources.Claude;
        return first.TryGetProperty("messages", out _) ? ConversationSources.Json : null;
    }

    private static bool IsMessageArray(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array && root.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first && first.TryGetProperty("role", out _);

    /// <summary>An export holds one conversation (an object) or many (an array of them).</summary>
    private static IEnumerable<(JsonElement Element, string Where)> Each(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().Select((c, i) => (c, $"$[{i}]")) : [(root, "$")];

    private static List<TranscriptConversation> Unrecognised(TranscriptProblems problems)
    {
        problems.Add("file", "is JSON but neither a ChatGPT export (conversations with mapping), a Claude export (conversations with chat_messages) " +
                             "nor a list of {role, content} messages (an array of them, or an object with messages)");
        return [];
    }
}
