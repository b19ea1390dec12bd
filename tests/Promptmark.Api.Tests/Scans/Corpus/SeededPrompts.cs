using Promptmark.Api.Features.Scans;

namespace Promptmark.Api.Tests.Scans.Corpus;

/// <summary>A realistic prompt with one planted finding: <see cref="Planted"/> occurs in <see cref="Text"/> exactly where the scanner must report it.</summary>
public sealed record SeededPrompt(string Name, string Category, string Rule, string Text, string Planted)
{
    /// <summary>Whether <see cref="Planted"/> is a value that must never appear in an excerpt.</summary>
    public bool IsSensitive => Category is ScanCategories.Pii or ScanCategories.Secrets;
}

/// <summary>Seeded prompts. Values are generated from a fixed seed so that cards pass Luhn and IBANs pass mod 97.</summary>
public static partial class SeededPrompts
{
    public static IReadOnlyList<SeededPrompt> All()
    {
        var random = new Random(42);
        return [.. PiiSeeds(random), .. SecretSeeds(random), .. InjectionSeeds(), .. DangerSeeds()];
    }

    /// <summary>A seeded prompt whose template marks the planted value with {v}.</summary>
    static SeededPrompt Seed(string name, string category, string rule, string template, string planted) =>
        new(name, category, rule, template.Replace("{v}", planted), planted);

    /// <summary>A seeded prompt whose planted text is written inline between [[ and ]].</summary>
    static SeededPrompt Inline(string name, string category, string rule, string template)
    {
        var start = template.IndexOf("[[", StringComparison.Ordinal);
        var end = template.IndexOf("]]", StringComparison.Ordinal);
        return new(name, category, rule, template.Remove(end, 2).Remove(start, 2), template[(start + 2)..end]);
    }
}
