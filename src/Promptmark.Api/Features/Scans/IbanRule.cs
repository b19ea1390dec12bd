using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// IBANs: a country code from the table below, two check digits and the country's BBAN length, compact or
/// in groups of four, passing the ISO 13616 mod-97 check. The standard's published examples are not findings.
/// </summary>
internal static partial class IbanRule
{
    const int Specificity = 72;
    const int LongestIban = 34;

    static readonly FrozenDictionary<string, int> LengthByCountry = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AT"] = 20, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22, ["BR"] = 29,
        ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24,
        ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27,
        ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30,
        ["KZ"] = 20, ["LB"] = 28, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MD"] = 24,
        ["ME"] = 22, ["MK"] = 19, ["MT"] = 31, ["MU"] = 30, ["NL"] = 18, ["NO"] = 15, ["PK"] = 24, ["PL"] = 28,
        ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["SA"] = 24, ["SE"] = 24, ["SI"] = 19,
        ["SK"] = 24, ["SM"] = 27, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["XK"] = 20,
    }.ToFrozenDictionary();

    // The examples printed in the IBAN standard, bank documentation and Wikipedia.
    static readonly HashSet<string> PublishedExamples =
    [
        "GB82WEST12345698765432", "GB29NWBK60161331926819", "DE89370400440532013000", "FR1420041010050500013M02606",
        "NL91ABNA0417164300", "BE68539007547034", "CH9300762011623852957", "ES9121000418450200051332",
        "IT60X0542811101000000123456", "AT611904300234573201", "PL61109010140000071219812874",
    ];

    public static void Find(string text, List<Detection> found)
    {
        Span<char> buffer = stackalloc char[LongestIban];
        foreach (var match in IbanShape().EnumerateMatches(text))
        {
            if (!LengthByCountry.TryGetValue(text.Substring(match.Index, 2), out var expected)) continue;
            if (Take(text, match.Index, match.Index + match.Length, expected) is not { } end) continue;

            var written = text.AsSpan(match.Index, end - match.Index);
            var compact = buffer[..expected];
            var n = 0;
            foreach (var c in written) if (c != ' ') compact[n++] = c;
            if (!Checksums.PassesIbanMod97(compact) || PublishedExamples.Contains(compact.ToString())) continue;

            found.Add(Detection.Masked(ScanCategories.Pii, "iban", match.Index, written.Length, Specificity,
                $"[IBAN {compact[..2]}… ending {compact[^4..]}]"));
        }
    }

    /// <summary>
    /// Where the IBAN ends: after exactly <paramref name="expected"/> letters and digits. The pattern may have run on
    /// into a following word written in capitals, but the IBAN must not stop in the middle of a group.
    /// </summary>
    static int? Take(string text, int start, int limit, int expected)
    {
        var seen = 0;
        for (var i = start; i < limit; i++)
        {
            if (text[i] == ' ') continue;
            if (++seen == expected)
                return i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) ? null : i + 1;
        }
        return null;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![a-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex IbanShape();
}
