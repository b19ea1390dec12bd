using Marten;
using Marten.Services.BatchQuerying;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Connections.Tools;

public static class CachedTools
{
    public static Task<IReadOnlyList<McpTool>> OfAsync(this IQuerySession session, Guid connectionId, CancellationToken ct) =>
        session.Query<McpTool>().Where(t => t.ConnectionId == connectionId).ToListAsync(ct);

    /// <summary>The cached tools of several connections, read with the batch's other queries when it executes.</summary>
    public static async Task<IReadOnlyList<McpTool>> Of(this IBatchedQuery batch, Guid[] connectionIds) =>
        connectionIds.Length == 0 ? [] : await batch.Query<McpTool>().Where(t => connectionIds.Contains(t.ConnectionId)).ToList();

    /// <summary>One cached tool of one of the caller's connections; "tool not found" otherwise.</summary>
    public static async Task<McpTool> LoadToolAsync(this IQuerySession session, Guid connectionId, string toolName, CancellationToken ct) =>
        await session.Query<McpTool>().FirstOrDefaultAsync(t => t.ConnectionId == connectionId && t.Name == toolName, ct)
        ?? throw new NotFoundException("tool");

    /// <summary>
    /// One of the caller's live connections and one of its cached tools, read in one round trip: what a tool call checks
    /// first. "connection not found" comes before "tool not found", as when they are read one after the other.
    /// </summary>
    public static async Task<(McpConnection Connection, McpTool Tool)> LoadConnectionToolAsync(
        this IQuerySession session, string connectionId, string toolName, CancellationToken ct)
    {
        if (!Guid.TryParse(connectionId, out var id)) throw new NotFoundException("connection");
        var batch = session.CreateBatchQuery();
        var connection = batch.Load<McpConnection>(id);
        var tool = batch.Query<McpTool>().Where(t => t.ConnectionId == id && t.Name == toolName).FirstOrDefault();
        await batch.Execute(ct);
        return (OwnedDocuments.Owned(await connection, "connection"), await tool ?? throw new NotFoundException("tool"));
    }
}
