using System.Buffers;
using System.Text;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// Builds the short context shown with a finding. The match and its surroundings are rendered with every
/// detection's sensitive span replaced by its mask, so an excerpt never repeats a secret or personal value,
/// not even one that belongs to a neighbouring finding; runs of five or more digits are starred as well.
/// </summary>
internal static class Excerpts
{
    const int MaxLength = 80;
    const int MaxMatchLength = 56;

    // Longer runs of digits are masked wherever they appear: they may be a phone or account number no rule recognised.
    const int LongestShownDigitRun = 5;

    static readonly SearchValues<char> AsciiDigits = SearchValues.Create("0123456789");

    /// <param name="all">Every kept detection of the field, sorted by start and not overlapping.</param>
    public static string For(string text, Detection detection, List<Detection> all)
    {
        var match = Render(text, detection.Start, detection.End, all);
        if (match.Length > MaxMatchLength) match = match[..(MaxMatchLength - 1)] + "…";

        var budget = MaxLength - match.Length;
        var before = Render(text, Math.Max(0, detection.Start - budget), detection.Start, all).TrimStart();
        var after = Render(text, detection.End, Math.Min(text.Length, detection.End + budget), all).TrimEnd();

        // Each side gets half the room, and may use whatever the other side does not need.
        var afterRoom = Math.Max(budget / 2, budget - before.Length);
        before = KeepEnd(before, budget - Math.Min(after.Length, afterRoom));
        after = KeepStart(after, budget - before.Length);
        return before + match + after;
    }

    static string KeepEnd(string s, int room) => s.Length <= room ? s : room <= 1 ? "" : "…" + s[^(room - 1)..];

    static string KeepStart(string s, int room) => s.Length <= room ? s : room <= 1 ? "" : s[..(room - 1)] + "…";

    /// <summary>Text in [from, to) on one line: each detection's mask in place of its sensitive span, long digit runs starred.</summary>
    static string Render(string text, int from, int to, List<Detection> all)
    {
        var rendered = new StringBuilder(to - from + 16);
        var next = FirstEndingAfter(all, from);
        var i = from;
        while (i < to)
        {
            while (next < all.Count && (!all[next].IsMasked || all[next].MaskEnd <= i)) next++;
            if (next < all.Count && all[next].MaskStart < to && all[next].MaskStart <= i)
            {
                rendered.Append(all[next].Mask);
                i = all[next].MaskEnd;
                continue;
            }
            var rawEnd = next < all.Count && all[next].MaskStart < to ? all[next].MaskStart : to;
            if (char.IsAsciiDigit(text[i]) && DigitRunEnd(text, i, rawEnd) is var runEnd && CountDigits(text, i, runEnd) >= LongestShownDigitRun)
            {
                for (; i < runEnd; i++) rendered.Append(char.IsAsciiDigit(text[i]) ? '*' : text[i]);
                continue;
            }
            var c = text[i++];
            if (!char.IsWhiteSpace(c) && !char.IsControl(c)) rendered.Append(c);
            else if (rendered.Length == 0 || rendered[^1] != ' ') rendered.Append(' ');
        }
        return rendered.ToString();
    }

    /// <summary>The end of the digits starting at <paramref name="i"/>, allowing one separator between digits (020 7946 0958).</summary>
    static int DigitRunEnd(string text, int i, int limit)
    {
        var end = i;
        while (end < limit && char.IsAsciiDigit(text[end]))
        {
            end++;
            if (end + 1 < limit && text[end] is ' ' or '-' or '.' or '/' && char.IsAsciiDigit(text[end + 1])) end++;
        }
        return end;
    }

    static int CountDigits(string text, int from, int to) => text.AsSpan(from, to - from).CountAny(AsciiDigits);

    static int FirstEndingAfter(List<Detection> all, int position)
    {
        int low = 0, high = all.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (all[mid].End <= position) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
