using Marten;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Connections.Tools;

public static class CachedTools
{
    public static Task<IReadOnlyList<McpTool>> OfAsync(this IQuerySession session, Guid connectionId, CancellationToken ct) =>
        session.Query<McpTool>().Where(t => t.ConnectionId == connectionId).ToListAsync(ct);

    /// <summary>One cached tool of one of the caller's connections; "tool not found" otherwise.</summary>
    public static async Task<McpTool> LoadToolAsync(this IQuerySession session, Guid connectionId, string toolName, CancellationToken ct) =>
        await session.Query<McpTool>().FirstOrDefaultAsync(t => t.ConnectionId == connectionId && t.Name == toolName, ct)
        ?? throw new NotFoundException("tool");
}
