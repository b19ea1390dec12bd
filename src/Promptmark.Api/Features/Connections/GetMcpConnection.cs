using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Connections.Tools;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections;

[Description("Get details of a specific MCP server connection including its available tools.")]
public sealed record GetMcpConnection : PrivateInput, ISlice<ConnectionView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/mcp/connections/{id}").AsTool("get_mcp_connection", "Get an MCP connection")
        .Described("Get a connection with its cached tools (favourites first)");

    [Required, Description("Connection ID")]
    public string Id { get; init; } = "";
}

public static class GetMcpConnectionHandler
{
    public static async Task<ConnectionView> Handle(GetMcpConnection query, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var connection = await session.LoadConnectionAsync(query.Id, ct);
        var tools = await session.OfAsync(connection.Id, ct);
        return ConnectionView.Of(connection, clock.GetUtcNow(), McpToolSummary.Ordered(tools));
    }
}
