using Marten;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Connections;

public static class ConnectionLookup
{
    /// <summary>One of the caller's live connections; "connection not found" for a bad id, another user's or a deleted one.</summary>
    public static Task<McpConnection> LoadConnectionAsync(this IQuerySession session, string id, CancellationToken ct) =>
        session.LoadOwnedAsync<McpConnection>(id, "connection", ct);

    /// <summary>The caller's live connection with this name (exact spelling first, then ignoring case), or null: how a playbook's <c>@tool</c> names one.</summary>
    public static async Task<McpConnection?> FindConnectionByNameAsync(this IQuerySession session, string name, CancellationToken ct)
    {
        var named = await session.Query<McpConnection>().Where(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToListAsync(ct);
        return named.FirstOrDefault(c => c.Name == name) ?? named.FirstOrDefault();
    }

    /// <summary>Fails with "connection &lt;id&gt; not found" for the first id that is not one of the caller's live connections.</summary>
    public static async Task EnsureConnectionsExistAsync(this IQuerySession session, IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (wanted.Count == 0) return;
        var parsed = wanted.Select(id => Guid.TryParse(id, out var guid) ? guid : Guid.Empty).ToList();
        var found = (await session.Query<McpConnection>().Where(c => parsed.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        for (var i = 0; i < wanted.Count; i++)
            if (!found.Contains(parsed[i])) throw new NotFoundException($"connection {wanted[i]}");
    }
}
