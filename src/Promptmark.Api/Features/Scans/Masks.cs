using System.Text;

namespace Promptmark.Api.Features.Scans;

/// <summary>How sensitive values appear in excerpts: enough to recognise which value it was, never the value.</summary>
internal static class Masks
{
    const int RevealedSecretPrefix = 4;
    const int ShortestSecretWithPrefix = 16;

    /// <summary><c>sk-p…[masked 48 chars]</c>; values too short to spare a prefix are masked whole.</summary>
    public static string Secret(ReadOnlySpan<char> value) =>
        value.Length >= ShortestSecretWithPrefix
            ? $"{value[..RevealedSecretPrefix]}…[masked {value.Length - RevealedSecretPrefix} chars]"
            : $"[masked {value.Length} chars]";

    /// <summary><c>j***@gmail.com</c>.</summary>
    public static string Email(ReadOnlySpan<char> address)
    {
        var at = address.LastIndexOf('@');
        return $"{address[0]}***{address[at..]}";
    }

    /// <summary>Every digit but the last <paramref name="keep"/> becomes <c>*</c>; separators stay.</summary>
    public static string DigitsExceptLast(ReadOnlySpan<char> value, int keep)
    {
        var digitsLeft = 0;
        foreach (var c in value) if (char.IsAsciiDigit(c)) digitsLeft++;
        var masked = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c)) masked.Append(c);
            else masked.Append(digitsLeft-- > keep ? '*' : c);
        }
        return masked.ToString();
    }

    /// <summary>Keeps the first <paramref name="keep"/> characters; letters and digits after them become <c>*</c>.</summary>
    public static string AllButFirst(ReadOnlySpan<char> value, int keep)
    {
        var masked = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
            masked.Append(i >= keep && char.IsAsciiLetterOrDigit(value[i]) ? '*' : value[i]);
        return masked.ToString();
    }

    /// <summary>Invisible characters as <c>[U+200B]</c>; a long run of one character is shortened to <c>[U+200B ×12]</c>.</summary>
    public static string CodePoints(string text, int start, int length)
    {
        var shown = new StringBuilder();
        var end = start + length;
        for (var i = start; i < end;)
        {
            var codePoint = CodePointAt(text, i, out var width);
            var run = 1;
            while (i + (run * width) < end && CodePointAt(text, i + run * width, out _) == codePoint) run++;
            shown.Append(run > 3 ? $"[U+{codePoint:X4} ×{run}]" : string.Concat(Enumerable.Repeat($"[U+{codePoint:X4}]", run)));
            i += run * width;
        }
        return shown.ToString();
    }

    static int CodePointAt(string text, int index, out int width)
    {
        width = 1;
        if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(text[index], text[index + 1]);
        }
        return text[index];
    }
}
