using System.Buffers;
using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// National identifiers: US Social Security numbers (ddd-dd-dddd outside the never-issued ranges), UK National
/// Insurance numbers (spaced, or solid after a word naming them) and Dutch BSNs (after "BSN", passing the elfproef).
/// </summary>
internal static partial class NationalIdRules
{
    const int Specificity = 65;
    const int KeywordWindow = 40;

    // 123-45-6789 is the textbook example and 078-05-1120 the number printed in a 1938 wallet advertisement.
    static readonly HashSet<string> PublishedSsns = ["123-45-6789", "078-05-1120", "219-09-9999"];

    static readonly SearchValues<string> BsnHints = SearchValues.Create(["bsn", "burgerservicenummer", "sofinummer"], StringComparison.OrdinalIgnoreCase);

    public static void Find(string text, List<Detection> found)
    {
        foreach (var match in UsSsn().EnumerateMatches(text))
        {
            var value = text.AsSpan(match.Index, match.Length);
            if (PublishedSsns.Contains(value.ToString())) continue;
            found.Add(Detection.Masked(ScanCategories.Pii, "us-ssn", match.Index, match.Length, Specificity, Masks.DigitsExceptLast(value, keep: 4)));
        }

        foreach (var match in UkNino().EnumerateMatches(text))
        {
            var value = text.AsSpan(match.Index, match.Length);
            if (!value.Contains(' ') && !Follows(NinoWord(), text, match.Index)) continue;
            found.Add(Detection.Masked(ScanCategories.Pii, "uk-nino", match.Index, match.Length, Specificity, Masks.AllButFirst(value, keep: 2)));
        }

        if (!text.AsSpan().ContainsAny(BsnHints)) return;
        Span<char> buffer = stackalloc char[9];
        foreach (var match in DutchBsn().EnumerateMatches(text))
        {
            var value = text.AsSpan(match.Index, match.Length);
            if (!Checksums.PassesElevenProof(Digits.Only(value, buffer)) || !Follows(BsnWord(), text, match.Index)) continue;
            found.Add(Detection.Masked(ScanCategories.Pii, "nl-bsn", match.Index, match.Length, Specificity, Masks.DigitsExceptLast(value, keep: 2)));
        }
    }

    static bool Follows(Regex word, string text, int start)
    {
        var from = Math.Max(0, start - KeywordWindow);
        return word.IsMatch(text.AsSpan(from, start - from));
    }

    [GeneratedRegex(@"(?<![\w\-])(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w\-])", RegexOptions.CultureInvariant)]
    private static partial Regex UsSsn();

    // Prefixes BG, GB, NK, KN, TN, NT and ZZ are never issued; D, F, I, Q, U and V never appear in the prefix, nor O second.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z](?: ?\d{2}){3} ?[A-D](?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex UkNino();

    [GeneratedRegex(@"(?<![\w.])(?:\d{9}|\d{4}\.\d{2}\.\d{3})(?![\w]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DutchBsn();

    [GeneratedRegex(@"\b(?:national\s+insurance|NI\s+(?:number|no)|NINO)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NinoWord();

    [GeneratedRegex(@"\b(?:BSN|burgerservicenummer|sofinummer)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BsnWord();
}
