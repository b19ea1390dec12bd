using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections;

/// <summary>Civic, the featured MCP hub: a fixed endpoint reached with a bearer token or OAuth credentials.</summary>
public static class CivicPreset
{
    public const string Key = "civic";
    public const string Name = "Civic";
    public const string ServerUrl = "https://app.civic.com/hub/mcp";
    public static readonly IReadOnlyList<string> AuthTypes = [ConnectionAuthTypes.Bearer, ConnectionAuthTypes.OAuth];

    public static bool Names(string? preset) => preset?.Trim().ToLowerInvariant() == Key;

    public static void ValidateAuthType(string authType, InputErrors errors) =>
        errors.When(!AuthTypes.Contains(authType), "auth_type", "must be bearer or oauth for the Civic preset");
}
