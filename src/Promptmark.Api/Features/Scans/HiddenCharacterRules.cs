using System.Buffers;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// Characters that hide text from the person reading a prompt but not from the model: zero-width characters,
/// Unicode tag characters and bidirectional overrides. One finding per run of consecutive hidden characters.
/// Legitimate uses stay out: a byte-order mark at the start, a zero-width joiner or non-joiner between two
/// non-ASCII characters (emoji sequences, Persian, Indic scripts), the tag sequence of a subdivision flag emoji,
/// and bidi embeddings or isolates near right-to-left text (overrides, U+202D/U+202E, always count).
/// </summary>
internal static class HiddenCharacterRules
{
    const int Specificity = 100;
    const int RightToLeftWindow = 32;
    const int LongestFlagTagSequence = 8;
    const char TagHighSurrogate = '\uDB40';

    static readonly SearchValues<char> Suspects = SearchValues.Create(
        "\u200B\u200C\u200D\u2060\uFEFF\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069" + TagHighSurrogate);

    enum Kind { None, ZeroWidth, Bidi, Tag }

    public static void Find(string text, List<Detection> found)
    {
        var i = text.AsSpan().IndexOfAny(Suspects);
        while (i >= 0)
        {
            var kind = Classify(text, i, out var width);
            if (kind == Kind.None || IsLegitimate(text, i, kind))
            {
                i = Next(text, i + width);
                continue;
            }
            var end = i + width;
            while (end < text.Length && Classify(text, end, out var w) == kind && !IsLegitimate(text, end, kind)) end += w;
            found.Add(Detection.Masked(ScanCategories.Injection, RuleOf(kind), i, end - i, Specificity, Masks.CodePoints(text, i, end - i)));
            i = Next(text, end);
        }
    }

    static int Next(string text, int from)
    {
        if (from >= text.Length) return -1;
        var offset = text.AsSpan(from).IndexOfAny(Suspects);
        return offset < 0 ? -1 : from + offset;
    }

    static string RuleOf(Kind kind) => kind switch
    {
        Kind.ZeroWidth => "zero-width-characters",
        Kind.Bidi => "bidi-override",
        _ => "tag-characters",
    };

    static Kind Classify(string text, int i, out int width)
    {
        width = 1;
        switch (text[i])
        {
            case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                return Kind.ZeroWidth;
            case >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069':
                return Kind.Bidi;
            case TagHighSurrogate when i + 1 < text.Length && text[i + 1] is >= '\uDC00' and <= '\uDC7F':
                width = 2;
                return Kind.Tag;
            default:
                return Kind.None;
        }
    }

    static bool IsLegitimate(string text, int i, Kind kind) => kind switch
    {
        Kind.ZeroWidth => text[i] == '\uFEFF' ? i == 0 : text[i] is '\u200C' or '\u200D' && BetweenNonAscii(text, i),
        Kind.Bidi => text[i] is not ('\u202D' or '\u202E') && NearRightToLeft(text, i),
        Kind.Tag => InFlagSequence(text, i),
        _ => false,
    };

    static bool BetweenNonAscii(string text, int i) =>
        i > 0 && i + 1 < text.Length && text[i - 1] > '\u007F' && text[i + 1] > '\u007F' && !IsSuspect(text[i - 1]) && !IsSuspect(text[i + 1]);

    static bool IsSuspect(char c) => Suspects.Contains(c);

    static bool NearRightToLeft(string text, int i)
    {
        var from = Math.Max(0, i - RightToLeftWindow);
        var to = Math.Min(text.Length, i + RightToLeftWindow);
        foreach (var c in text.AsSpan(from, to - from))
            if (c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFC') return true;
        return false;
    }

    /// <summary>Subdivision flags (England, Scotland, Wales) are U+1F3F4 followed by a few tag letters and U+E007F CANCEL TAG.</summary>
    static bool InFlagSequence(string text, int i)
    {
        var start = i;
        while (start >= 2 && (i - start) / 2 <= LongestFlagTagSequence && text[start - 2] == TagHighSurrogate && text[start - 1] is >= '\uDC00' and <= '\uDC7F') start -= 2;
        if (start < 2 || text[start - 2] != '\uD83C' || text[start - 1] != '\uDFF4') return false;
        for (var j = start; j + 1 < text.Length && (j - start) / 2 <= LongestFlagTagSequence; j += 2)
        {
            if (text[j] != TagHighSurrogate) return false;
            if (text[j + 1] == '\uDC7F') return true;
        }
        return false;
    }
}
