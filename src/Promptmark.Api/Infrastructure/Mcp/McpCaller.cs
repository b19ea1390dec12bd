using Marten;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Promptmark.Api.Infrastructure.Auth;

namespace Promptmark.Api.Infrastructure.Mcp;

public static class McpCaller
{
    /// <summary>A read session scoped to the signed-in caller, for MCP handlers that are not slices (prompts, resources).</summary>
    public static IQuerySession OpenCallerSession<T>(this RequestContext<T> request)
    {
        var userId = request.User?.FindUserId() ?? throw new McpProtocolException("authentication required", McpErrorCode.InvalidRequest);
        return request.Services!.GetRequiredService<IDocumentStore>().QuerySession(userId.ToString());
    }
}
