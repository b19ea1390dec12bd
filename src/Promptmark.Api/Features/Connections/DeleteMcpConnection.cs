using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Features.Connections.Tools;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Connections;

[Description("Remove an MCP server connection and its cached tools.")]
public sealed record DeleteMcpConnection : PrivateInput, ISlice<Deleted>
{
    public static SliceBinding Binding { get; } = SliceBinding.Delete("/api/mcp/connections/{id}").AsTool("delete_mcp_connection", "Delete an MCP connection")
        .Described("Delete a connection (soft delete): its cached tools and favourites go with it; its execution history stays");

    [Required, Description("Connection ID to delete")]
    public string Id { get; init; } = "";
}

public static class DeleteMcpConnectionHandler
{
    public static async Task<Deleted> Handle(
        DeleteMcpConnection command, IDocumentSession session, RemoteMcpSessions remote, TimeProvider clock, CancellationToken ct)
    {
        var connection = await session.LoadConnectionAsync(command.Id, ct);
        connection.Credentials = null;
        connection.IsActive = false;
        connection.UpdatedAt = clock.GetUtcNow();
        session.Store(connection);
        session.DeleteWhere<McpTool>(t => t.ConnectionId == connection.Id);
        session.Delete(connection);
        await remote.CloseAsync(connection.Id);
        return new Deleted(connection.Id);
    }
}
