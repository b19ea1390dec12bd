using System.Text;
using Promptmark.Api.Features.Scans;
using Promptmark.Api.Tests.Scans.Corpus;
using static Promptmark.Api.Tests.Scans.ScanAssertions;

namespace Promptmark.Api.Tests.Scans;

/// <summary>
/// Precision over recall: every clean prompt must come back with no findings, and at least 95% of the seeded
/// findings must be found with the right category and rule. The summary is written to the test output.
/// </summary>
public sealed class CorpusTests
{
    const double RequiredRecall = 0.95;

    [Fact]
    public void The_corpus_has_no_false_positives_and_finds_the_seeded_items()
    {
        var clean = CleanPrompts.All;
        var seeded = SeededPrompts.All();
        var falsePositives = clean.SelectMany(p => Findings(p.Text).Select(f => (p.Name, Finding: f))).ToList();
        var results = seeded.Select(s => (Seed: s, Found: IsFound(s))).ToList();
        var misses = results.Where(r => !r.Found).Select(r => r.Seed).ToList();
        var recall = (double)(seeded.Count - misses.Count) / seeded.Count;

        var summary = Summary(clean.Count, falsePositives.Count, results, recall)
            + (misses.Count == 0 ? "" : "Misses:\n" + string.Join("\n", misses.Select(Miss)));
        TestContext.Current.TestOutputHelper?.WriteLine(summary);

        clean.Count.ShouldBeGreaterThanOrEqualTo(120);
        seeded.Count.ShouldBeGreaterThanOrEqualTo(120);
        falsePositives.ShouldBeEmpty(summary + "\nFalse positives:\n" +
            string.Join("\n", falsePositives.Select(fp => $"  {fp.Name}: {Describe([fp.Finding])}")));
        recall.ShouldBeGreaterThanOrEqualTo(RequiredRecall, summary);
    }

    [Fact]
    public void No_excerpt_repeats_a_planted_secret_or_personal_value()
    {
        foreach (var seed in SeededPrompts.All().Where(s => s.IsSensitive))
            foreach (var finding in Findings(seed.Text))
                finding.Excerpt.ShouldNotContain(seed.Planted, customMessage: $"{seed.Name}: {finding.Excerpt}");
    }

    [Fact]
    public void Every_excerpt_is_one_short_line()
    {
        foreach (var finding in SeededPrompts.All().SelectMany(s => Findings(s.Text)))
        {
            finding.Excerpt.Length.ShouldBeInRange(1, 80, finding.Excerpt);
            finding.Excerpt.ShouldNotContain('\n');
        }
    }

    [Fact]
    public void Every_rule_category_is_seeded() =>
        SeededPrompts.All().Select(s => s.Category).Distinct().Order().ShouldBe(ScanCategories.All.Order());

    /// <summary>Found means: a finding of the seeded category and rule overlaps the planted text.</summary>
    static bool IsFound(SeededPrompt seed)
    {
        var start = seed.Text.IndexOf(seed.Planted, StringComparison.Ordinal);
        var end = start + seed.Planted.Length;
        return Findings(seed.Text).Any(f => f.Category == seed.Category && f.Rule == seed.Rule && f.Position < end && start < f.Position + f.Length);
    }

    static string Miss(SeededPrompt seed) => $"  {seed.Name} ({seed.Category}/{seed.Rule}): got [{Describe(Findings(seed.Text))}]";

    static string Summary(int cleanCount, int falsePositives, List<(SeededPrompt Seed, bool Found)> results, double recall)
    {
        var summary = new StringBuilder()
            .AppendLine($"Clean prompts: {cleanCount}, false positives: {falsePositives}")
            .AppendLine($"Seeded items: {results.Count}, misses: {results.Count(r => !r.Found)}, recall: {recall:P1}");
        foreach (var category in ScanCategories.All)
        {
            var inCategory = results.Where(r => r.Seed.Category == category).ToList();
            summary.AppendLine($"  {category,-10} seeded {inCategory.Count,3}, missed {inCategory.Count(r => !r.Found),2}, rules: " +
                string.Join(", ", inCategory.GroupBy(r => r.Seed.Rule).Select(g => $"{g.Key} {g.Count(r => r.Found)}/{g.Count()}")));
        }
        return summary.ToString();
    }
}
