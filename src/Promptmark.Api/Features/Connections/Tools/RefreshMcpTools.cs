using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections.Tools;

[Description("Refresh the cached tool list for an MCP connection by reconnecting to the remote server and re-fetching available tools.")]
public sealed record RefreshMcpTools : PrivateInput, ISlice<McpToolList>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/mcp/connections/{connection_id}/refresh-tools")
        .AsTool("refresh_mcp_tools", "Refresh an MCP connection's tools", ToolHints.Changes with { OpenWorld = true }).MayAnswer(422, 502)
        .Described("Re-fetch a connection's tools from its server (502 with the reason when it cannot be reached; the status is recorded)");

    [Required, Description("ID of the MCP connection to refresh tools for")]
    public string ConnectionId { get; init; } = "";
}

public static class RefreshMcpToolsHandler
{
    public static async Task<McpToolList> Handle(RefreshMcpTools command, IDocumentSession session, ToolDiscovery discovery, CancellationToken ct)
    {
        var connection = await session.LoadConnectionAsync(command.ConnectionId, ct);
        var error = await discovery.RefreshAsync(session, connection, ct);
        // Saved before answering, so that a failure's status is kept although the call then fails.
        await session.SaveChangesAsync(ct);
        if (error is not null) throw new BadGatewayException(error);
        var tools = await session.OfAsync(connection.Id, ct);
        return new McpToolList(connection.Id, McpToolSummary.Ordered(tools), connection.LastConnectedAt);
    }
}
