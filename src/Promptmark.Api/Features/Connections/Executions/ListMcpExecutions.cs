using System.ComponentModel;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections.Executions;

[Description("List tool execution history with optional filtering by connection. Returns executions ordered by creation date (newest first).")]
public sealed record ListMcpExecutions : PrivateInput, ISlice<ExecutionList>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/mcp/executions").AsTool("list_mcp_executions", "List MCP tool executions")
        .Described("List your tool executions, newest first, optionally for one connection (deleted ones included)");

    [Description("Filter by connection ID (omit for all connections)")]
    public string? ConnectionId { get; init; }

    [RestOnly, Description("Only runs of this tool")]
    public string? ToolName { get; init; }

    [Description("Max results (default 20, max 100)")]
    public int? Limit { get; init; }

    [Description("Pagination offset")]
    public int? Offset { get; init; }

    public void Validate(InputErrors errors)
    {
        errors.When(!string.IsNullOrEmpty(ConnectionId) && !Guid.TryParse(ConnectionId, out _), "connection_id", "must be a connection ID");
        Paging.Validate(Limit, Offset, errors);
    }
}

public static class ListMcpExecutionsHandler
{
    public static async Task<ExecutionList> Handle(ListMcpExecutions query, IQuerySession session, CancellationToken ct)
    {
        var (limit, offset) = Paging.Resolve(query.Limit, query.Offset, ConnectionLists.DefaultLimit);
        var executions = session.Query<McpExecution>().AsQueryable();
        if (!string.IsNullOrEmpty(query.ConnectionId))
        {
            var connectionId = Guid.Parse(query.ConnectionId);
            executions = executions.Where(e => e.ConnectionId == connectionId);
        }
        if (!string.IsNullOrEmpty(query.ToolName)) executions = executions.Where(e => e.ToolName == query.ToolName);
        var total = await executions.CountAsync(ct);
        var page = await executions.OrderByDescending(e => e.CreatedAt).Skip(offset).Take(limit).ToListAsync(ct);
        return new ExecutionList(page.Select(ExecutionView.Of).ToList(), total, limit, offset);
    }
}
