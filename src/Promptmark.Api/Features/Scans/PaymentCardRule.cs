using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// Payment card numbers: 13 to 19 digits, written solid or in the usual 4-4-4-4 / 4-6-5 groups, with a known
/// issuer prefix and length, and a valid Luhn check digit. The handful of test numbers that card networks and
/// payment providers publish in their documentation (4111 1111 1111 1111, 4242 4242 4242 4242, …) are not findings:
/// they appear in countless integration prompts and identify nobody. Every other Luhn-valid number is.
/// </summary>
internal static partial class PaymentCardRule
{
    const int Specificity = 70;

    static readonly HashSet<string> PublishedTestNumbers =
    [
        "4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556", "4000000000000002",
        "4000000000000077", "4000000000003220", "4000002500003155", "4000000000009995", "4222222222222",
        "5555555555554444", "5105105105105100", "5200828282828210", "2223003122003222",
        "378282246310005", "371449635398431", "378734493671000",
        "6011111111111117", "6011000990139424", "3056930009020004", "36227206271667", "30569309025904", "38520000023237",
        "3530111333300000", "3566002020360505", "6200000000000005",
    ];

    public static void Find(string text, List<Detection> found)
    {
        Span<char> buffer = stackalloc char[19];
        foreach (var match in CardShape().EnumerateMatches(text))
        {
            var number = Digits.Only(text.AsSpan(match.Index, match.Length), buffer);

            if (!HasIssuerPrefixAndLength(number) || !Checksums.PassesLuhn(number) || PublishedTestNumbers.Contains(number.ToString())) continue;
            found.Add(Detection.Masked(ScanCategories.Pii, "payment-card", match.Index, match.Length, Specificity,
                $"[card ending {number[^4..]}]"));
        }
    }

    static bool HasIssuerPrefixAndLength(ReadOnlySpan<char> n)
    {
        var length = n.Length;
        var two = int.Parse(n[..2]);
        var four = int.Parse(n[..4]);
        return n[0] switch
        {
            '4' => length is 13 or 16 or 19,                                                         // Visa
            '5' => two is >= 51 and <= 55 && length == 16                                            // Mastercard
                   || two is 50 or (>= 56 and <= 58) && length is >= 12 and <= 19,                  // Maestro
            '2' => four is >= 2221 and <= 2720 && length == 16,                                      // Mastercard 2-series
            '3' => two is 34 or 37 && length == 15                                                   // American Express
                   || four is >= 3528 and <= 3589 && length is >= 16 and <= 19                       // JCB
                   || (two is 36 or 38 or 39 || n[..3] is "300" or "301" or "302" or "303" or "304" or "305")
                      && length is >= 14 and <= 19,                                                  // Diners Club
            '6' => length is >= 16 and <= 19
                   && (four == 6011 || two is 65 or 62 || int.Parse(n[..3]) is >= 644 and <= 649)    // Discover, UnionPay
                   || two is 63 or 67 && length is >= 12 and <= 19,                                  // Maestro
            _ => false,
        };
    }

    [GeneratedRegex(@"(?<![\w.+/\-])(?:\d{13,19}|\d{4}(?<s>[ \-])\d{4}\k<s>\d{4}\k<s>\d{1,7}|\d{4}(?<t>[ \-])\d{6}\k<t>\d{4,5})(?![\w/]|[.\-]\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex CardShape();
}
