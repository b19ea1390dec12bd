using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections.Tools;

[Description("Get details of a specific tool on an MCP connection including its full input schema.")]
public sealed record GetMcpTool : PrivateInput, ISlice<McpToolView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/mcp/connections/{connection_id}/tools/{tool_name}").AsTool("get_mcp_tool", "Get an MCP tool")
        .Described("Get one cached tool with its input schema");

    [Required, Description("ID of the MCP connection")]
    public string ConnectionId { get; init; } = "";

    [Required, Description("Name of the tool to get details for")]
    public string ToolName { get; init; } = "";
}

public static class GetMcpToolHandler
{
    public static async Task<McpToolView> Handle(GetMcpTool query, IQuerySession session, CancellationToken ct)
    {
        var connection = await session.LoadConnectionAsync(query.ConnectionId, ct);
        return McpToolView.Of(await session.LoadToolAsync(connection.Id, query.ToolName, ct));
    }
}
