namespace Promptmark.Api.Features.Connections;

/// <summary>How Promptmark authenticates to a remote server, and which headers each type sends.</summary>
public static class ConnectionAuthTypes
{
    public const string None = "none";
    public const string Bearer = "bearer";
    public const string ApiKey = "api_key";
    public const string OAuth = "oauth";
    public const string CustomHeaders = "custom_headers";

    public static readonly IReadOnlyList<string> All = [None, Bearer, ApiKey, OAuth, CustomHeaders];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type);

    public static string Normalize(string? type) => string.IsNullOrWhiteSpace(type) ? None : type.Trim().ToLowerInvariant();
}
