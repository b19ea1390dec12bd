namespace Promptmark.Api.Features.Connections;

/// <summary>Civic, the featured MCP hub: a fixed endpoint reached with a bearer token or OAuth credentials.</summary>
public static class CivicPreset
{
    public const string Key = "civic";
    public const string Name = "Civic";
    public const string ServerUrl = "https://app.civic.com/hub/mcp";
    public static readonly IReadOnlyList<string> AuthTypes = [ConnectionAuthTypes.Bearer, ConnectionAuthTypes.OAuth];
}
