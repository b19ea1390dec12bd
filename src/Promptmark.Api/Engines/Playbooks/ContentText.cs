namespace Promptmark.Api.Engines.Playbooks;

/// <summary>How a run of lines becomes the text of a section or a step.</summary>
public static class ContentText
{
    /// <summary>Trailing blanks of each line dropped, the whole trimmed (the extra-whitespace vector).</summary>
    public static string Of(IEnumerable<SourceLine> lines) => string.Join('\n', lines.Select(l => l.Text.TrimEnd())).Trim();

    /// <summary>
    /// The step text without its directive lines. Where a removed directive stood alone between two blank lines, the
    /// blank lines around it close up into one, as the full-featured vector expects of an <c>@prompt</c> in mid-text.
    /// </summary>
    public static string Without(IReadOnlyList<SourceLine> lines, ISet<int> removed)
    {
        var kept = new List<SourceLine>();
        var removedSinceKept = false;
        foreach (var line in lines)
        {
            if (removed.Contains(line.Number))
            {
                removedSinceKept = true;
                continue;
            }
            if (line.IsBlank && removedSinceKept && kept is [.., { IsBlank: true }]) continue;
            removedSinceKept = false;
            kept.Add(line);
        }
        return Of(kept);
    }
}
