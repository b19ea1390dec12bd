using System.Text.RegularExpressions;

namespace Promptmark.Api.Engines.Playbooks;

public enum SectionKind { System, Inputs, Step, Artifacts, Unknown }

/// <summary>A <c>##</c> section: its heading line and the lines up to the next <c>##</c> heading.</summary>
public sealed record Section(SectionKind Kind, SourceLine Heading, Match HeadingMatch, IReadOnlyList<SourceLine> Lines);

/// <summary>The document cut at its headings (spec/format.md): the title, the description under it, and the <c>##</c> sections.</summary>
public sealed partial record PlaybookLayout(SourceLine? TitleLine, string Title, IReadOnlyList<SourceLine> DescriptionLines, IReadOnlyList<Section> Sections)
{
    [GeneratedRegex(@"^#\s+(.+)$")]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"^##\s+(.+)$")]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"^##\s+STEP\s+(\d+):\s+(.+)$")]
    private static partial Regex StepPattern();

    [GeneratedRegex(@"^SYSTEM(?:\s+PROMPT)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SystemName();

    [GeneratedRegex(@"^INPUTS$", RegexOptions.IgnoreCase)]
    private static partial Regex InputsName();

    [GeneratedRegex(@"^(?:ARTIFACTS|OUTPUT)$", RegexOptions.IgnoreCase)]
    private static partial Regex ArtifactsName();

    /// <summary>
    /// The title is the first level-1 heading; level-1 headings after it are ordinary text. Lines before the title
    /// that belong to no section are skipped.
    /// </summary>
    public static PlaybookLayout Of(PlaybookSource source)
    {
        SourceLine? titleLine = null;
        var title = "";
        var description = new List<SourceLine>();
        var sections = new List<Section>();
        List<SourceLine>? current = null;
        foreach (var line in source.Lines)
        {
            if (titleLine is null && source.Heading(line, 1, TitlePattern()) is { } titleMatch)
            {
                titleLine = line;
                title = titleMatch.Groups[1].Value.Trim();
                current = description;
                continue;
            }
            if (source.Heading(line, 2, SectionPattern()) is { } sectionMatch)
            {
                current = [];
                sections.Add(SectionOf(line, sectionMatch, current));
                continue;
            }
            current?.Add(line);
        }
        return new PlaybookLayout(titleLine, title, description, sections);
    }

    private static Section SectionOf(SourceLine heading, Match match, List<SourceLine> lines)
    {
        if (StepPattern().Match(heading.Text.TrimEnd()) is { Success: true } step) return new(SectionKind.Step, heading, step, lines);
        var name = match.Groups[1].Value.Trim();
        var kind = SystemName().IsMatch(name) ? SectionKind.System
            : InputsName().IsMatch(name) ? SectionKind.Inputs
            : ArtifactsName().IsMatch(name) ? SectionKind.Artifacts
            : SectionKind.Unknown;
        return new(kind, heading, match, lines);
    }
}
