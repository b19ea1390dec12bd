using System.Text;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>
/// A tool's answer: its structured result as the UTF-8 JSON it was serialized to, with the text block older clients read
/// (that same JSON unless <see cref="Text"/> is given), or a result already built, such as an error.
/// </summary>
/// <remarks>
/// Kept as bytes so that <see cref="DirectToolCalls"/> copies the structured result into the answer as it is and escapes
/// it once into the text block, instead of parsing it into a <see cref="JsonElement"/>, decoding it into a string and
/// writing both back token by token.
/// </remarks>
public sealed record DirectToolAnswer(byte[]? Structured, string? Text, CallToolResult? Built = null)
{
    public static DirectToolAnswer Of(CallToolResult result) => new(null, null, result);

    /// <summary>The answer as the SDK's result, for a call that goes through the SDK.</summary>
    public CallToolResult ToResult() => Built ?? new CallToolResult
    {
        Content = [new TextContentBlock { Text = Text ?? Encoding.UTF8.GetString(Structured!) }],
        StructuredContent = JsonElement.Parse(Structured),
    };
}
