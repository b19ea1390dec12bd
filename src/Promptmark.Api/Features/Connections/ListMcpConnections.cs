using System.ComponentModel;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections;

[Description("List configured external MCP server connections with pagination.")]
public sealed record ListMcpConnections : PrivateInput, ISlice<ConnectionList>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/mcp/connections").AsTool("list_mcp_connections", "List MCP connections")
        .Described("List your connections, newest first, with status, tool count and expiry warning");

    [Description("Only return active connections")]
    public bool? ActiveOnly { get; init; }

    [Description("Max results (default 20, max 100)")]
    public int? Limit { get; init; }

    [Description("Pagination offset")]
    public int? Offset { get; init; }

    public void Validate(InputErrors errors)
    {
        Paging.Validate(Limit, Offset, errors);
    }
}

public static class ListMcpConnectionsHandler
{
    public static async Task<ConnectionList> Handle(ListMcpConnections query, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var (limit, offset) = Paging.Resolve(query.Limit, query.Offset, ConnectionLists.DefaultLimit);
        var connections = session.Query<McpConnection>().AsQueryable();
        if (query.ActiveOnly is true) connections = connections.Where(c => c.IsActive);
        var total = await connections.CountAsync(ct);
        var page = await connections.OrderByDescending(c => c.CreatedAt).Skip(offset).Take(limit).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new ConnectionList(page.Select(c => ConnectionView.Of(c, now)).ToList(), total, limit, offset);
    }
}
