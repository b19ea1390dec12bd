using System.Security.Claims;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>
/// What a credential may do: <see cref="Read"/> the user's data, <see cref="Write"/> (change) it, or <see cref="Execute"/>
/// something outside Promptmark on the user's behalf (a remote MCP tool, a model). OAuth access tokens carry the scopes
/// they were granted and API keys the scopes chosen at creation; the user's own sign-in session has all three.
/// </summary>
public static class AccessScope
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Execute = "execute";

    public static readonly IReadOnlyList<string> All = [Read, Write, Execute];

    /// <summary>Throws <see cref="InsufficientScopeException"/> unless the caller's credential carries <paramref name="scope"/>.</summary>
    public static void Require(ClaimsPrincipal caller, string scope)
    {
        if (!caller.HasClaim(CallerClaims.Scope, scope)) throw new InsufficientScopeException(scope);
    }
}

/// <summary>The caller is who they say, but their credential was not granted the scope this call needs.</summary>
public sealed class InsufficientScopeException(string scope)
    : SliceException($"This credential lacks the '{scope}' scope this call needs: use an API key or an authorization that grants '{scope}'.")
{
    public override int Status => StatusCodes.Status403Forbidden;
    public override string Title => "Insufficient scope";

    /// <summary>The OAuth error code (RFC 6750) and the scope needed, so a client can ask for it.</summary>
    public override IReadOnlyDictionary<string, object?> Extensions =>
        new Dictionary<string, object?> { ["error"] = "insufficient_scope", ["scope"] = scope };
}
