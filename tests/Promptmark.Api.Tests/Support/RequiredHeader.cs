namespace Promptmark.Api.Tests.Support;

/// <summary>A header a request must carry with exactly this value (the name is case-insensitive, as in HTTP).</summary>
public sealed record RequiredHeader(string Name, string Value)
{
    public static RequiredHeader Bearer(string token) => new("Authorization", $"Bearer {token}");
}
