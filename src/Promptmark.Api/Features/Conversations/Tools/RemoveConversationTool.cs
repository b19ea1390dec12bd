using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations.Tools;

[Description("Remove a single tool from a conversation’s attached tools.")]
public sealed record RemoveConversationTool : PrivateInput, ISlice<ConversationTools>
{
    public static SliceBinding Binding { get; } = SliceBinding.Delete("/api/conversations/{conversation_id}/tools")
        .AsTool("remove_conversation_tool", "Remove a tool from a conversation")
        .Described("Detach one tool (query: connection_id, or native for a provider tool, and tool_name); 404 when it is not attached");

    [Required, Description("The conversation ID")]
    public string ConversationId { get; init; } = "";

    [Required, Description("MCP connection ID, or native for provider built-in tools")]
    public string ConnectionId { get; init; } = "";

    [Required, Description("Name of the tool to remove")]
    public string ToolName { get; init; } = "";
}

public static class RemoveConversationToolHandler
{
    public static async Task<ConversationTools> Handle(RemoveConversationTool command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var conversation = await session.LoadOwnedConversationAsync(command.ConversationId, ct);
        if (conversation.Tools.RemoveAll(t => t.Matches(command.ConnectionId.Trim(), command.ToolName.Trim())) == 0)
            throw new NotFoundException($"tool '{command.ToolName}' attached to this conversation");
        conversation.UpdatedAt = clock.GetUtcNow();
        session.Store(conversation);
        return ConversationTools.Of(conversation);
    }
}
