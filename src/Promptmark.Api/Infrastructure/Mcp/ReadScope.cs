using ModelContextProtocol;
using ModelContextProtocol.Server;
using Promptmark.Api.Infrastructure.Auth;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>
/// <c>prompts/get</c> and <c>resources/read</c> hand out the user's templates and skills, which are not slices: they need
/// the <see cref="AccessScope.Read"/> scope as the read tools do, and a credential without it gets an error naming it.
/// </summary>
public static class ReadScope
{
    public static McpRequestHandler<TParams, TResult> Require<TParams, TResult>(McpRequestHandler<TParams, TResult> next) =>
        (request, ct) => request.User?.HasClaim(CallerClaims.Scope, AccessScope.Read) == false
            ? throw new McpProtocolException(new InsufficientScopeException(AccessScope.Read).Message, McpErrorCode.InvalidRequest)
            : next(request, ct);
}
