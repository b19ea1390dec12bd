using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Features.Scans;

namespace Promptmark.Api.Features.Prompts;

/// <summary>
/// The safety scan of a prompt's title, content and notes, redone on every write of them. Per category the flag is
/// 0 (nothing found), 1 HAS (open findings) or 2 HAD (every finding acknowledged). Acknowledging covers the findings
/// seen then; a new finding in the category opens it again.
/// </summary>
public sealed class PromptScan
{
    public const int None = 0;
    public const int Has = 1;
    public const int Had = 2;

    public Dictionary<string, int> Flags { get; set; } = ScanCategories.All.ToDictionary(c => c, _ => None);
    public List<ScanFinding> Findings { get; set; } = [];

    /// <summary>Fingerprints of acknowledged findings (category, rule and masked excerpt: never the secret itself).</summary>
    public List<string> Acknowledged { get; set; } = [];

    public bool HasOpenFindings => Flags.Values.Any(flag => flag == Has);

    public IEnumerable<string> OpenCategories => Flags.Where(f => f.Value == Has).Select(f => f.Key);

    public void Record(IReadOnlyList<ScanFinding> findings)
    {
        Findings = findings.ToList();
        foreach (var category in ScanCategories.All)
        {
            var found = Findings.Where(f => f.Category == category).ToList();
            Flags[category] = found.Count == 0 ? None : found.All(f => Acknowledged.Contains(Fingerprint(f))) ? Had : Has;
        }
    }

    public void Acknowledge(string category)
    {
        Acknowledged.AddRange(Findings.Where(f => f.Category == category).Select(Fingerprint).Except(Acknowledged));
        Record(Findings);
    }

    private static string Fingerprint(ScanFinding finding) => $"{finding.Category}|{finding.Rule}|{finding.Field}|{finding.Excerpt}";
}

/// <summary>The scan as both doors show it on a prompt.</summary>
public sealed record ScanView(IReadOnlyDictionary<string, int> Flags, IReadOnlyList<ScanFinding> Findings)
{
    /// <summary>Flags in the categories' fixed order (PostgreSQL's jsonb does not keep key order).</summary>
    public static ScanView Of(PromptScan scan) =>
        new(ScanCategories.All.ToDictionary(c => c, c => scan.Flags.GetValueOrDefault(c)), scan.Findings);
}

/// <summary>The rule the reference states for acknowledge_scan: a prompt with an open finding is never public.</summary>
public static class PromptSafety
{
    /// <summary>Scans the prompt's text again, then keeps it private if anything is open; returns what to tell the user, or null.</summary>
    public static string? Rescan(Prompt prompt, SliceDoor door)
    {
        prompt.Scan.Record(ContentScanner.Scan(("title", prompt.Title), ("prompt", prompt.Content), ("notes", prompt.Notes)));
        return KeepPrivateWhileOpen(prompt, door);
    }

    /// <summary>The notice names how to acknowledge in the words of the door that asked: the MCP tool, or the web app's panel and the REST route.</summary>
    public static string? KeepPrivateWhileOpen(Prompt prompt, SliceDoor door)
    {
        if (!prompt.IsPublic || !prompt.Scan.HasOpenFindings) return null;
        prompt.IsPublic = false;
        var open = prompt.Scan.Findings.Where(f => prompt.Scan.OpenCategories.Contains(f.Category)).ToList();
        return $"Saved, but kept private: the safety scan found {string.Join(", ", prompt.Scan.OpenCategories)} " +
               $"({string.Join("; ", open.Select(f => $"{f.Rule} in {f.Field}: {f.Excerpt}"))}). " +
               (door == SliceDoor.Mcp
                   ? "Review the findings, acknowledge each category with acknowledge_scan, then publish again."
                   : "Review the findings, acknowledge each category (in the web app's Content scan panel, or with " +
                     $"POST /api/prompts/{prompt.Id}/scan/acknowledge), then publish again.");
    }
}
