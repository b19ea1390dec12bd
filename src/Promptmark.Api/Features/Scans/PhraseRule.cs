using System.Buffers;
using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// A rule made of wording. Every match of the pattern contains one of the anchors and lies within
/// <see cref="Reach.Before"/> characters before and <see cref="Reach.After"/> after it, so the pattern only runs on
/// those windows (most text has no anchor at all). Matches that are only being discussed (see <see cref="Framing"/>)
/// are dropped. A pattern too large to try at every position starts with \G and comes with <paramref name="starts"/>,
/// the words a match can begin with; it is then tried only where one of them occurs.
/// </summary>
internal sealed class PhraseRule(
    string category, string rule, SearchValues<string> anchors, Reach reach, Regex pattern, SearchValues<string>? starts = null)
{
    const int Specificity = 30;

    public void Find(string text, List<Detection> found)
    {
        var span = text.AsSpan();
        int windowStart = -1, windowEnd = -1;
        for (var at = span.IndexOfAny(anchors); at >= 0;)
        {
            var start = Math.Max(0, at - reach.Before);
            if (windowStart >= 0 && start > windowEnd)
            {
                Scan(text, windowStart, windowEnd, found);
                windowStart = -1;
            }
            if (windowStart < 0) windowStart = start;
            windowEnd = Math.Min(text.Length, at + reach.After);

            var next = at + 1 < text.Length ? span[(at + 1)..].IndexOfAny(anchors) : -1;
            at = next < 0 ? -1 : at + 1 + next;
        }
        if (windowStart >= 0) Scan(text, windowStart, windowEnd, found);
    }

    void Scan(string text, int start, int end, List<Detection> found)
    {
        if (starts is null)
        {
            Match(text, start, end, found);
            return;
        }
        var window = text.AsSpan(start, end - start);
        for (var offset = window.IndexOfAny(starts); offset >= 0;)
        {
            Match(text, start + offset, end, found);
            var next = offset + 1 < window.Length ? window[(offset + 1)..].IndexOfAny(starts) : -1;
            offset = next < 0 ? -1 : offset + 1 + next;
        }
    }

    // The input ends at the window but starts at the text's start, so lookbehinds and ^ see the real text before it.
    void Match(string text, int from, int end, List<Detection> found)
    {
        foreach (var match in pattern.EnumerateMatches(text.AsSpan(0, end), from))
            if (!Framing.IsDiscussed(text, match.Index))
                found.Add(new Detection(category, rule, match.Index, match.Length, Specificity));
    }

    public static SearchValues<string> Words(params string[] words) => SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);
}

/// <summary>How far a rule's matches can start before an anchor and end after it.</summary>
internal readonly record struct Reach(int Before, int After);
