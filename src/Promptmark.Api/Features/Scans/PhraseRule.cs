using System.Buffers;
using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// A rule made of wording. Every match of <paramref name="pattern"/> contains one of the <paramref name="anchors"/>,
/// so the pattern only runs on the sentence around each anchor (most text has none), and matches that are only
/// being discussed (see <see cref="Framing"/>) are dropped.
/// </summary>
internal sealed class PhraseRule(string category, string rule, SearchValues<string> anchors, Regex pattern)
{
    const int Specificity = 30;
    const int MaxBefore = 200;
    const int MaxAfter = 120;

    public void Find(string text, List<Detection> found)
    {
        var span = text.AsSpan();
        var windowStart = -1;
        var windowEnd = -1;
        for (var at = span.IndexOfAny(anchors); at >= 0;)
        {
            var start = SentenceStart(text, at);
            var end = Math.Min(text.Length, at + MaxAfter);
            if (windowStart >= 0 && start > windowEnd)
            {
                Scan(text, windowStart, windowEnd, found);
                windowStart = -1;
            }
            if (windowStart < 0) windowStart = start;
            windowEnd = end;

            var next = at + 1 < text.Length ? span[(at + 1)..].IndexOfAny(anchors) : -1;
            at = next < 0 ? -1 : at + 1 + next;
        }
        if (windowStart >= 0) Scan(text, windowStart, windowEnd, found);
    }

    void Scan(string text, int start, int end, List<Detection> found)
    {
        foreach (var match in pattern.EnumerateMatches(text.AsSpan(start, end - start)))
        {
            var position = start + match.Index;
            if (!Framing.IsDiscussed(text, position))
                found.Add(new Detection(category, rule, position, match.Length, Specificity));
        }
    }

    /// <summary>
    /// Where the window before an anchor starts: on the sentence break itself, or failing that on whitespace, so that
    /// the slice's start (which patterns see as ^) is never mistaken for the start of a sentence.
    /// </summary>
    static int SentenceStart(string text, int at)
    {
        var limit = Math.Max(0, at - MaxBefore);
        var lastSpace = -1;
        for (var i = at - 1; i >= limit; i--)
        {
            if (text[i] is '.' or '!' or '?' or '\n' or ':' or '"' or '“' or '(') return i;
            if (lastSpace < 0 && char.IsWhiteSpace(text[i]) && at - i > MaxBefore / 2) lastSpace = i;
        }
        return limit == 0 ? 0 : lastSpace >= 0 ? lastSpace : at;
    }

    public static SearchValues<string> Anchors(params string[] words) => SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);
}
