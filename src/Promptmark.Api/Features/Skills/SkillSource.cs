using System.Text;

namespace Promptmark.Api.Features.Skills;

/// <summary>A SKILL.md cut into its YAML front matter and markdown body, with line endings normalised to \n.</summary>
internal sealed record SkillSource(string FrontMatter, int FrontMatterFirstLine, string Body)
{
    private const string Delimiter = "---";

    public static (SkillSource? Source, SkillProblem? Problem) Split(string text)
    {
        text = Normalize(text);

        var position = 0;
        var lineNumber = 1;
        while (position < text.Length && LineAt(text, position, out var next).IsWhiteSpace())
        {
            position = next;
            lineNumber++;
        }

        if (position >= text.Length || !IsDelimiter(LineAt(text, position, out var frontMatterStart)))
            return (null, new SkillProblem("front-matter",
                "SKILL.md must start with YAML front matter: a line \"---\", the fields (name: ..., description: ...), then another \"---\" line"));

        for (var cursor = frontMatterStart; cursor < text.Length;)
        {
            var line = LineAt(text, cursor, out var next);
            if (IsDelimiter(line))
                return Cut(text, frontMatterStart, cursor, next, lineNumber + 1);
            cursor = next;
        }

        return (null, new SkillProblem("front-matter",
            $"the front matter opened on line {lineNumber} is never closed; add a line \"---\" after the last field"));
    }

    private static string Normalize(string text)
    {
        if (text.StartsWith('\uFEFF'))
            text = text[1..];
        return text.Replace("\r\n", "\n").Replace('\r', '\n');
    }

    private static (SkillSource? Source, SkillProblem? Problem) Cut(
        string text, int frontMatterStart, int frontMatterEnd, int bodyStart, int frontMatterFirstLine)
    {
        // Measured before copying anything: hostile input can be megabytes long.
        var size = Encoding.UTF8.GetByteCount(text.AsSpan(frontMatterStart, frontMatterEnd - frontMatterStart));
        if (size > SkillLimits.FrontMatterMaxBytes)
            return (null, new SkillProblem("front-matter",
                $"front matter is {size} bytes; keep it within {SkillLimits.FrontMatterMaxBytes} bytes (64 KB) and put long text in the body"));

        var source = new SkillSource(text[frontMatterStart..frontMatterEnd], frontMatterFirstLine, BodyFrom(text, bodyStart));
        return (source, null);
    }

    // One copy only: a body can be megabytes long.
    private static string BodyFrom(string text, int start)
    {
        while (start < text.Length && text[start] == '\n')
            start++;
        return text[start..];
    }

    private static ReadOnlySpan<char> LineAt(string text, int start, out int next)
    {
        var end = text.IndexOf('\n', start);
        next = end < 0 ? text.Length : end + 1;
        return text.AsSpan(start, (end < 0 ? text.Length : end) - start);
    }

    private static bool IsDelimiter(ReadOnlySpan<char> line) => line.TrimEnd(" \t").SequenceEqual(Delimiter);
}
