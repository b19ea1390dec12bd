using Marten;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Promptmark.Api.Infrastructure.Auth;

namespace Promptmark.Api.Infrastructure.Mcp;

public static class McpCaller
{
    /// <summary>
    /// A read session scoped to the signed-in caller, for MCP handlers that are not slices (resources). A key restricted
    /// to chosen collections (<see cref="CollectionGrants"/>) is refused, as the slices that do not honour the grant refuse it.
    /// </summary>
    public static IQuerySession OpenCallerSession<T>(this RequestContext<T> request)
    {
        var session = request.OpenCallerSession(out var grants);
        if (grants is null) return session;
        session.Dispose();
        throw new McpProtocolException(new OutsideCollectionGrantsException().Message, McpErrorCode.InvalidRequest);
    }

    /// <summary>
    /// The caller's read session for a handler that honours <paramref name="grants"/>: the collections the caller's key
    /// is restricted to, or null when it is not.
    /// </summary>
    public static IQuerySession OpenCallerSession<T>(this RequestContext<T> request, out IReadOnlyList<Guid>? grants)
    {
        var caller = request.User;
        var userId = caller?.FindUserId() ?? throw new McpProtocolException("authentication required", McpErrorCode.InvalidRequest);
        grants = CollectionGrants.Of(caller);
        return request.Services!.GetRequiredService<IDocumentStore>().QuerySession(userId.ToString());
    }
}
