using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections.Tools;

[Description("Set or clear the favorite flag on a cached MCP tool. Favorited tools appear prominently in the tool picker.")]
public sealed record FavoriteMcpTool : PrivateInput, ISlice<McpToolView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/mcp/connections/{connection_id}/tools/{tool_name}/favorite")
        .AsTool("favorite_mcp_tool", "Favourite or unfavourite an MCP tool", ToolHints.Changes)
        .Described("Favourite or unfavourite a cached tool (kept across refreshes while the server offers it)");

    [Required, Description("ID of the MCP connection that owns the tool")]
    public string ConnectionId { get; init; } = "";

    [Required, Description("Name of the tool to favorite or unfavorite")]
    public string ToolName { get; init; } = "";

    [Required, Description("true to favorite, false to unfavorite")]
    public bool? IsFavorite { get; init; }
}

public static class FavoriteMcpToolHandler
{
    public static async Task<McpToolView> Handle(FavoriteMcpTool command, IDocumentSession session, CancellationToken ct)
    {
        var connection = await session.LoadConnectionAsync(command.ConnectionId, ct);
        var tool = await session.LoadToolAsync(connection.Id, command.ToolName, ct);
        tool.IsFavorite = command.IsFavorite!.Value;
        session.Store(tool);
        return McpToolView.Of(tool);
    }
}
