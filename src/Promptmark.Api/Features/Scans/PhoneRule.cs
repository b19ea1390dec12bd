using System.Buffers;
using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// Phone numbers, by structure rather than by digit count so that years, dates, versions, prices, ids and
/// timestamps stay out: an international "+CC …" number of 8 to 15 digits; a North American number written
/// (NPA) NXX-XXXX or NPA-NXX-XXXX with one separator; and a national trunk-prefix number such as 020 7946 0958
/// or 06 12 34 56 78, which only counts after a word like "phone" or "call" because digit groups alone are too common.
/// Numbers reserved for fiction (the NANP 555 exchange, Ofcom's drama ranges), North American toll-free numbers and
/// obviously invented ones (123456…, 000000) are not findings.
/// </summary>
internal static partial class PhoneRule
{
    const int Specificity = 40;
    const int KeywordWindow = 40;

    const int MaxDigits = 15;

    // Without the trunk 0: 07700 900xxx becomes 7700900.
    static readonly string[] UkDramaRanges =
        ["7700900", "2079460", "1632960", "1134960", "1144960", "1154960", "1164960", "1174960", "1184960", "1214960",
         "1314960", "1414960", "1514960", "1614960", "1914980", "2890180", "2920180", "3069990", "8081570", "9098790"];

    static readonly SearchValues<string> CountingRuns = SearchValues.Create(
        ["123456", "234567", "345678", "456789", "987654", "876543", "765432", "654321"], StringComparison.Ordinal);

    public static void Find(string text, List<Detection> found)
    {
        Span<char> buffer = stackalloc char[MaxDigits];
        foreach (var match in International().EnumerateMatches(text))
        {
            var digits = Digits.Only(text.AsSpan(match.Index, match.Length), buffer);
            if (LooksMadeUp(digits)) continue;
            if (digits[0] == '1' ? digits.Length == 11 && !IsFictionalNanp(digits[1..]) && !IsTollFree(digits[1..]) : !IsFictionalUk(digits, international: true))
                Add(text, match.Index, match.Length, found);
        }

        foreach (var match in NorthAmerican().EnumerateMatches(text))
        {
            var digits = Digits.Only(text.AsSpan(match.Index, match.Length), buffer);
            if (!IsFictionalNanp(digits[^10..]) && !IsTollFree(digits[^10..]) && !LooksMadeUp(digits)) Add(text, match.Index, match.Length, found);
        }

        foreach (var match in NationalTrunk().EnumerateMatches(text))
        {
            var digits = Digits.Only(text.AsSpan(match.Index, match.Length), buffer);
            if (digits.Length is >= 10 and <= 11 && !IsFictionalUk(digits, international: false) && !LooksMadeUp(digits)
                && FollowsPhoneWord(text, match.Index))
                Add(text, match.Index, match.Length, found);
        }
    }

    static void Add(string text, int start, int length, List<Detection> found) =>
        found.Add(Detection.Masked(ScanCategories.Pii, "phone", start, length, Specificity,
            Masks.DigitsExceptLast(text.AsSpan(start, length), keep: 2)));

    /// <summary>Counting runs (123456, 987654) and long repeats (000000) are what people type when they invent a number.</summary>
    static bool LooksMadeUp(ReadOnlySpan<char> digits) => digits.ContainsAny(CountingRuns) || HasRepeat(digits, 6);

    static bool HasRepeat(ReadOnlySpan<char> digits, int length)
    {
        var run = 1;
        for (var i = 1; i < digits.Length; i++)
            if ((run = digits[i] == digits[i - 1] ? run + 1 : 1) >= length) return true;
        return false;
    }

    /// <summary>Ten NANP digits whose exchange is 555, the block films and books use.</summary>
    static bool IsFictionalNanp(ReadOnlySpan<char> tenDigits) => tenDigits[3..6].SequenceEqual("555");

    /// <summary>800, 888, 877, … numbers belong to businesses and hotlines, not to people.</summary>
    static bool IsTollFree(ReadOnlySpan<char> tenDigits) => tenDigits[0] == '8' && tenDigits[1] == tenDigits[2] && tenDigits[1] is >= '3' and <= '8' || tenDigits.StartsWith("800");

    /// <summary>Ofcom's ranges reserved for drama (07700 900xxx, 020 7946 0xxx, …), written nationally or after +44.</summary>
    static bool IsFictionalUk(ReadOnlySpan<char> digits, bool international)
    {
        if (international && !digits.StartsWith("44")) return false;
        var afterTrunk = international ? digits[2..] : digits[1..];
        foreach (var prefix in UkDramaRanges)
            if (afterTrunk.StartsWith(prefix)) return true;
        return false;
    }

    static bool FollowsPhoneWord(string text, int start)
    {
        var from = Math.Max(0, start - KeywordWindow);
        return PhoneWord().IsMatch(text.AsSpan(from, start - from));
    }

    [GeneratedRegex(@"\b(?:phone\w*|telephone|tel|call\w*|mobile|cell\w*|fax|ring|text\s+me|whats\s?app|sms|contact\w*|reach|dial|telefon\w*|téléphone|tél|appel\w*|portable|handy|anruf\w*|móvil|teléfono|llam\w*|cellulare|chiam\w*)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhoneWord();

    // One digit per repetition, each optionally after a single separator or parenthesis, so matching stays linear.
    [GeneratedRegex(@"(?<![\w+])\+[1-9](?:[ .\-]?\(?\d\)?){7,14}(?![\w]|[ .\-]?\d)", RegexOptions.CultureInvariant)]
    private static partial Regex International();

    [GeneratedRegex(@"(?<![\w+.,/\-])(?:1[ .\-])?(?:\([2-9]\d{2}\)[ ]?[2-9]\d{2}[ .\-]|[2-9]\d{2}(?<sep>[.\-])[2-9]\d{2}\k<sep>)\d{4}(?![\w]|[.,/\-]\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex NorthAmerican();

    [GeneratedRegex(@"(?<![\w+.,/\-])0\d{1,4}(?:[ /.\-]\d{2,8}){1,4}(?![\w]|[ /.\-]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NationalTrunk();
}
