using System.Text;
using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Executions;

/// <summary>A remote tool's result as its callers keep it: cut for the audit trail, or read as text by a model.</summary>
public static class ExecutionOutput
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>Far more than a model's context; a larger result is cut, and the reader is told so.</summary>
    public const int MaxTextLength = 100_000;

    /// <summary>The text blocks of a <c>CallToolResult</c>, other blocks as their JSON, or its structuredContent when it has no content.</summary>
    public static string AsText(JsonElement result)
    {
        var blocks = result.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array
            ? content.EnumerateArray().Select(b => b.TryGetProperty("type", out var type) && type.GetString() == "text" ? b.GetProperty("text").GetString() ?? "" : b.GetRawText()).ToList()
            : [];
        var text = blocks.Count > 0 ? string.Join("\n", blocks)
            : result.TryGetProperty("structuredContent", out var structured) ? structured.GetRawText() : "";
        if (result.TryGetProperty("isError", out var isError) && isError.ValueKind == JsonValueKind.True) text = "The tool reported an error: " + text;
        return text.Length <= MaxTextLength ? text : text[..MaxTextLength] + $"\n[cut: the result was {text.Length:N0} characters]";
    }

    /// <summary>Cuts a result's JSON for the audit trail at 64 KB on a character boundary, and says so.</summary>
    public static (string Text, bool Truncated, int Bytes) ForAudit(string json)
    {
        var bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes <= MaxBytes) return (json, false, bytes);
        var encoded = Encoding.UTF8.GetBytes(json);
        var cut = MaxBytes;
        while (cut > 0 && (encoded[cut] & 0xC0) == 0x80) cut--;
        return (Encoding.UTF8.GetString(encoded, 0, cut), true, bytes);
    }
}
