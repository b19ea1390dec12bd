using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Prompts;

[Description("Remove a single tool from a prompt’s attached tools. For MCP tools, provide connection_id and tool_name. For native tools, provide native_provider and tool_name.")]
public sealed record RemovePromptTool : PrivateInput, ISlice<PromptTools>
{
    public static SliceBinding Binding { get; } = SliceBinding.Delete("/api/prompts/{prompt_id}/tools").AsTool("remove_prompt_tool", "Remove a tool from a prompt")
        .Described("Remove one attached tool (query: tool_name, and connection_id or native_provider); 404 when it is not attached");

    [Required, Description("The prompt ID")]
    public string PromptId { get; init; } = "";

    [Description("MCP connection ID (for MCP server tools)")]
    public string? ConnectionId { get; init; }

    [Required, Description("Name of the tool to remove")]
    public string ToolName { get; init; } = "";

    [Description("Provider name for native tools (e.g. anthropic)")]
    public string? NativeProvider { get; init; }
}

public static class RemovePromptToolHandler
{
    public static async Task<PromptTools> Handle(RemovePromptTool command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var prompt = await session.LoadOwnedPromptAsync(command.PromptId, ct);
        var removed = prompt.ToolRefs.RemoveAll(t => t.Matches(command.ToolName.Trim(), command.ConnectionId, command.NativeProvider));
        if (removed == 0) throw new NotFoundException($"tool '{command.ToolName}' attached to this prompt");
        prompt.UpdatedAt = clock.GetUtcNow();
        session.Store(prompt);
        return PromptTools.Of(prompt);
    }
}
