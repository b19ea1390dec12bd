using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Connections;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Prompts;

[Description("Set the full list of attached tools on a prompt. Replaces any existing tools. Each tool reference needs either connection_id + tool_name (for MCP server tools) or native_provider + tool_name + native_type (for native tools like Anthropic web search).")]
public sealed record UpdatePromptTools : PrivateInput, ISlice<PromptTools>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Put("/api/prompts/{prompt_id}/tools").AsTool("update_prompt_tools", "Set a prompt's tools")
        .Described("Replace the tools attached to a prompt (at most 50; duplicates are kept once)");

    [Required, Description("The prompt ID")]
    public string PromptId { get; init; } = "";

    [Required, Description("Array of tool reference objects (max 50)")]
    public List<ToolRef>? ToolRefs { get; init; }

    public void Validate(InputErrors errors)
    {
        if (ToolRefs is null) return;
        errors.When(ToolRefs.Count > PromptTools.Max, "tool_refs", $"at most {PromptTools.Max} tools per prompt");
        for (var i = 0; i < ToolRefs.Count; i++)
            if (ToolRefs[i]?.Problem() is { } problem) errors.Add($"tool_refs[{i}]", problem);
            else if (ToolRefs[i] is null) errors.Add($"tool_refs[{i}]", "must be an object");
    }
}

public static class UpdatePromptToolsHandler
{
    public static async Task<PromptTools> Handle(UpdatePromptTools command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var prompt = await session.LoadOwnedPromptAsync(command.PromptId, ct);
        var toolRefs = command.ToolRefs!.Select(Trimmed).Distinct().ToList();
        await session.EnsureConnectionsExistAsync(toolRefs.Where(t => t.IsMcp).Select(t => t.ConnectionId!), ct);
        prompt.ToolRefs = toolRefs;
        prompt.UpdatedAt = clock.GetUtcNow();
        session.Store(prompt);
        return PromptTools.Of(prompt);
    }

    private static ToolRef Trimmed(ToolRef tool) => new()
    {
        ConnectionId = Blank(tool.ConnectionId), ToolName = tool.ToolName.Trim(),
        NativeProvider = Blank(tool.NativeProvider), NativeType = Blank(tool.NativeType),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
