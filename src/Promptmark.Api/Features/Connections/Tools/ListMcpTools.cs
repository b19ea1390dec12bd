using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections.Tools;

[Description("List cached tools for an MCP connection. Uses locally cached data — no live connection needed.")]
public sealed record ListMcpTools : PrivateInput, ISlice<McpToolList>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/mcp/connections/{connection_id}/tools").AsTool("list_mcp_tools", "List an MCP connection's tools")
        .Described("List a connection's cached tools, favourites first (no live connection)");

    [Required, Description("ID of the MCP connection to browse tools for")]
    public string ConnectionId { get; init; } = "";
}

public static class ListMcpToolsHandler
{
    public static async Task<McpToolList> Handle(ListMcpTools query, IQuerySession session, CancellationToken ct)
    {
        var connection = await session.LoadConnectionAsync(query.ConnectionId, ct);
        var tools = await session.OfAsync(connection.Id, ct);
        return new McpToolList(connection.Id, McpToolSummary.Ordered(tools), tools.Count == 0 ? null : tools.Max(t => t.CachedAt));
    }
}
