using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Mcp;

namespace Promptmark.Api.Features.McpAccess;

/// <summary>The tools/list filter behind <see cref="McpSettings.HideUncallableTools"/>: leaves out the tools the credential may not call.</summary>
public static class UncallableTools
{
    public static McpRequestHandler<ListToolsRequestParams, ListToolsResult> Hide(McpRequestHandler<ListToolsRequestParams, ListToolsResult> next) =>
        async (request, ct) =>
        {
            var listed = await next(request, ct);
            var caller = request.User;
            if (caller is null || AccessScope.All.All(scope => caller.HasClaim(CallerClaims.Scope, scope))) return listed;
            // The settings are the user's own, not prompt data: a key restricted to chosen collections reads them too.
            await using var session = request.OpenCallerSession(out _);
            var settings = await session.LoadAsync<McpSettings>(caller.FindUserId()!.Value, ct);
            if (settings?.HideUncallableTools != true) return listed;
            listed.Tools = listed.Tools.Where(tool => caller.MayCall(tool.Name)).ToList();
            return listed;
        };
}
