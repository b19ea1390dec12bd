using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Promptmark.Api.Features.Prompts;

/// <summary>A tool attached to a prompt: an MCP server tool (connection + name) or a provider's native tool (provider + name + type).</summary>
public sealed record ToolRef
{
    [Description("MCP connection ID (for MCP server tools)")]
    public string? ConnectionId { get; init; }

    [Required, Description("Name of the tool")]
    public string ToolName { get; init; } = "";

    [Description("Provider name for native tools (e.g. anthropic, openai)")]
    public string? NativeProvider { get; init; }

    [Description("API type identifier for native tools (e.g. web_search_20250305)")]
    public string? NativeType { get; init; }

    public bool IsMcp => !string.IsNullOrWhiteSpace(ConnectionId);

    /// <summary>Why this reference is not usable, or null.</summary>
    public string? Problem() => (IsMcp, NativeProvider, NativeType) switch
    {
        _ when string.IsNullOrWhiteSpace(ToolName) => "tool_name is required",
        (true, { Length: > 0 }, _) => "give either connection_id (MCP tool) or native_provider (native tool), not both",
        (true, _, _) => null,
        (false, { Length: > 0 }, { Length: > 0 }) => null,
        _ => "needs connection_id + tool_name (MCP tool) or native_provider + tool_name + native_type (native tool)",
    };

    /// <summary>Whether this reference names the same tool as the removal criteria.</summary>
    public bool Matches(string toolName, string? connectionId, string? nativeProvider) =>
        ToolName == toolName
        && (string.IsNullOrEmpty(connectionId) || string.Equals(ConnectionId, connectionId, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(nativeProvider) || string.Equals(NativeProvider, nativeProvider, StringComparison.OrdinalIgnoreCase));
}
