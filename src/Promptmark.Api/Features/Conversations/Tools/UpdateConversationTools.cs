using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Connections;
using Promptmark.Api.Features.Connections.Tools;
using Promptmark.Api.Features.Scans;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations.Tools;

[Description("Replace the full set of attached tools for a conversation. Validates each tool reference against active connections and cached tools.")]
public sealed record UpdateConversationTools : PrivateInput, ISlice<ConversationTools>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Put("/api/conversations/{conversation_id}/tools")
        .AsTool("update_conversation_tools", "Set a conversation's tools").MayAnswer(409)
        .Described("Replace the tools the conversation's model may call (at most 50; duplicates kept once): each MCP tool must be a cached tool " +
                   "of one of your active connections (404 otherwise, 409 when the connection is inactive); native tools name anthropic or openai");

    [Required, Description("The conversation ID")]
    public string ConversationId { get; init; } = "";

    [Required, Description("Full list of tools to attach (replaces current set, max 50)")]
    public List<ConversationToolRef>? Tools { get; init; }

    public void Validate(InputErrors errors)
    {
        if (Tools is null) return;
        errors.When(Tools.Count > ConversationTools.Max, "tools", $"at most {ConversationTools.Max} tools per conversation");
        for (var i = 0; i < Tools.Count; i++)
            if ((Tools[i] is null ? "must be an object" : Tools[i].Problem()) is { } problem) errors.Add($"tools[{i}]", problem);
    }
}

/// <summary>One tool to attach: an MCP tool (connection_id + tool_name) or a native provider tool (is_native + native_provider + native_type).</summary>
public sealed record ConversationToolRef
{
    public static readonly string[] NativeProviders = ["anthropic", "openai"];

    [Description("MCP connection ID (for MCP tools)")]
    public string? ConnectionId { get; init; }

    [Required, Description("Tool name")]
    public string ToolName { get; init; } = "";

    [Description("True for provider built-in tools (e.g. Anthropic web search)")]
    public bool? IsNative { get; init; }

    [Description("Provider name for native tools: anthropic, openai")]
    public string? NativeProvider { get; init; }

    [Description("API type identifier for native tools (e.g. web_search_20250305)")]
    public string? NativeType { get; init; }

    [RestOnly, Description("When the model may run it: always (default), ask (the turn waits for your approval), never (the model is told the call was refused)")]
    public string? Approval { get; init; }

    public string? Problem() => this switch
    {
        _ when string.IsNullOrWhiteSpace(ToolName) => "tool_name is required",
        { Approval: { } approval } when !ToolApproval.All.Contains(approval) => $"approval must be one of {string.Join(", ", ToolApproval.All)}",
        { IsNative: true, ConnectionId.Length: > 0 } => "a native tool takes no connection_id",
        { IsNative: true } when !NativeProviders.Contains(NativeProvider) => $"native_provider must be one of {string.Join(", ", NativeProviders)}",
        { IsNative: true } when string.IsNullOrWhiteSpace(NativeType) => "native_type is required for a native tool",
        { IsNative: not true } when string.IsNullOrWhiteSpace(ConnectionId) => "connection_id is required for an MCP tool (or set is_native)",
        _ => null,
    };
}

public static class UpdateConversationToolsHandler
{
    public static async Task<ConversationTools> Handle(UpdateConversationTools command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var conversation = await session.LoadOwnedConversationAsync(command.ConversationId, ct);
        var tools = new List<AttachedTool>();
        foreach (var tool in command.Tools!.DistinctBy(t => (t.IsNative == true ? t.NativeProvider : t.ConnectionId?.Trim().ToLowerInvariant(), t.ToolName.Trim())))
            tools.Add(tool.IsNative == true ? Native(tool) : await RemoteAsync(tool, session, ct));
        conversation.Tools = tools;
        conversation.UpdatedAt = clock.GetUtcNow();
        session.Store(conversation);
        return ConversationTools.Of(conversation);
    }

    private static AttachedTool Native(ConversationToolRef tool) => new()
    {
        IsNative = true, ToolName = tool.ToolName.Trim(), NativeProvider = tool.NativeProvider, NativeType = tool.NativeType!.Trim(),
        Approval = tool.Approval ?? ToolApproval.Always,
    };

    private static async Task<AttachedTool> RemoteAsync(ConversationToolRef tool, IQuerySession session, CancellationToken ct)
    {
        var connection = await session.LoadConnectionAsync(tool.ConnectionId!.Trim(), ct);
        if (!connection.IsActive) throw new ConflictException($"connection {connection.Id} is inactive: activate it before attaching its tools");
        var cached = await session.LoadToolAsync(connection.Id, tool.ToolName.Trim(), ct);
        return new AttachedTool
        {
            ConnectionId = connection.Id, ToolName = cached.Name, Description = cached.Description, Approval = tool.Approval ?? ToolApproval.Always,
            DescriptionFindings = ContentScanner.Scan("description", cached.Description).ToList(),
        };
    }
}
