using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace Promptmark.Api.Engines.Playbooks;

/// <summary>One line of the document: its 1-based number, its text, and whether it is inside a code block.</summary>
public sealed record SourceLine(int Number, string Text, bool InCode)
{
    public string Trimmed => Text.Trim();

    /// <summary>The 1-based column of the line's first non-blank character.</summary>
    public int FirstColumn => Text.Length - Text.TrimStart().Length + 1;

    public bool IsBlank => Text.Trim().Length == 0;
}

/// <summary>
/// The document's lines with the headings Markdig finds. Only ATX headings at the top level of the document count
/// (not inside a code block, a list or a quote), so <c>## STEP</c> inside a fenced example is text, not a step.
/// </summary>
public sealed class PlaybookSource
{
    public IReadOnlyList<SourceLine> Lines { get; }

    /// <summary>Heading level by 1-based line number.</summary>
    private readonly Dictionary<int, int> headingLevels;

    private PlaybookSource(IReadOnlyList<SourceLine> lines, Dictionary<int, int> headingLevels)
    {
        Lines = lines;
        this.headingLevels = headingLevels;
    }

    /// <summary>Line endings are normalized to \n first, so a line is the same line for Markdig and for the directives.</summary>
    public static PlaybookSource Read(string markdown)
    {
        var text = markdown.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
        var document = Markdown.Parse(text);
        var raw = text.Split('\n');
        var inCode = new bool[raw.Length + 1];
        var starts = LineStarts(text);
        foreach (var code in document.Descendants<CodeBlock>())
        {
            var last = LineOf(starts, Math.Max(code.Span.Start, code.Span.End));
            for (var line = code.Line; line <= last && line < raw.Length; line++) inCode[line] = true;
        }
        var levels = document.OfType<HeadingBlock>().Where(h => !h.IsSetext).ToDictionary(h => h.Line + 1, h => h.Level);
        return new PlaybookSource(raw.Select((t, i) => new SourceLine(i + 1, t, inCode[i])).ToList(), levels);
    }

    /// <summary>The heading's level when the line is a top-level ATX heading, else 0.</summary>
    public int HeadingLevel(SourceLine line) => headingLevels.GetValueOrDefault(line.Number);

    /// <summary>Matches a heading pattern against the line when it is a top-level heading of that level.</summary>
    public Match? Heading(SourceLine line, int level, Regex pattern) =>
        HeadingLevel(line) == level && pattern.Match(line.Text.TrimEnd()) is { Success: true } match ? match : null;

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') starts.Add(i + 1);
        return starts;
    }

    private static int LineOf(List<int> starts, int position)
    {
        var index = starts.BinarySearch(position);
        return index >= 0 ? index : ~index - 1;
    }
}
