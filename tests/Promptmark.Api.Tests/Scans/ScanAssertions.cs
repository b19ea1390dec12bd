using Promptmark.Api.Features.Scans;

namespace Promptmark.Api.Tests.Scans;

static class ScanAssertions
{
    public static IReadOnlyList<ScanFinding> Findings(string text) => ContentScanner.Scan("prompt", text);

    public static ScanFinding SingleFinding(string text, string rule)
    {
        var findings = Findings(text);
        findings.Count.ShouldBe(1, $"findings: {Describe(findings)}");
        findings[0].Rule.ShouldBe(rule);
        return findings[0];
    }

    public static void NoFindings(string text)
    {
        var findings = Findings(text);
        findings.ShouldBeEmpty($"findings: {Describe(findings)}");
    }

    public static string Describe(IEnumerable<ScanFinding> findings) =>
        string.Join("; ", findings.Select(f => $"{f.Category}/{f.Rule} @{f.Position}+{f.Length} «{f.Excerpt}»"));
}
