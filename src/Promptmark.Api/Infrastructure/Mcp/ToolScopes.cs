using System.Security.Claims;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>The <see cref="AccessScope"/> calling an MCP tool needs, by the tool's name.</summary>
public static class ToolScopes
{
    private static readonly Dictionary<string, string> BySliceTool =
        SliceCatalog.Instance.Tools.ToDictionary(s => s.Binding.Tool!, s => s.Binding.Scope, StringComparer.Ordinal);

    /// <summary>A slice's tool needs its binding's scope; any other tool is one of the user's prompt tools, which run a model: execute.</summary>
    public static string For(string tool) => BySliceTool.GetValueOrDefault(tool, AccessScope.Execute);

    public static bool MayCall(this ClaimsPrincipal caller, string tool) => caller.HasClaim(CallerClaims.Scope, For(tool));
}
