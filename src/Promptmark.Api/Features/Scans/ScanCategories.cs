namespace Promptmark.Api.Features.Scans;

/// <summary>The wire names of the four things the content scanner looks for.</summary>
public static class ScanCategories
{
    public const string Pii = "pii", Secrets = "secrets", Injection = "injection", Danger = "danger";

    public static readonly IReadOnlyList<string> All = [Pii, Secrets, Injection, Danger];

    public static bool IsKnown(string category) => All.Contains(category);
}
