using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// PEM and PGP private key blocks, from the BEGIN line through the END line (or the key material, when the END
/// line is missing). A block whose body is "..." or a short placeholder holds no key and is not a finding.
/// </summary>
internal static partial class PrivateKeyBlockRule
{
    const int Specificity = 95;
    const int MinimumKeyCharacters = 64;
    const int MaxBlock = 20_000;

    public static void Find(string text, List<Detection> found)
    {
        if (!text.Contains("PRIVATE KEY", StringComparison.Ordinal)) return;
        foreach (var header in BeginLine().EnumerateMatches(text))
        {
            var bodyStart = header.Index + header.Length;
            var searchLength = Math.Min(MaxBlock, text.Length - bodyStart);
            var endLine = EndLine().Match(text, bodyStart, searchLength);
            var blockEnd = endLine.Success ? endLine.Index + endLine.Length : EndOfKeyMaterial(text, bodyStart, bodyStart + searchLength);
            var bodyEnd = endLine.Success ? endLine.Index : blockEnd;

            var body = text.AsSpan(bodyStart, bodyEnd - bodyStart);
            if (CountKeyCharacters(body) < MinimumKeyCharacters || body.Contains("...", StringComparison.Ordinal)) continue;
            found.Add(new Detection(ScanCategories.Secrets, "private-key-block", header.Index, blockEnd - header.Index, Specificity,
                bodyStart, blockEnd - bodyStart, $"…[masked {blockEnd - bodyStart} chars]"));
        }
    }

    static int EndOfKeyMaterial(string text, int from, int limit)
    {
        var end = from;
        for (var i = from; i < limit; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=') end = i + 1;
            else if (!char.IsWhiteSpace(c) && c != ':' && c != '-') break;
        }
        return end;
    }

    static int CountKeyCharacters(ReadOnlySpan<char> body)
    {
        var count = 0;
        foreach (var c in body) if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/') count++;
        return count;
    }

    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----", RegexOptions.CultureInvariant)]
    private static partial Regex BeginLine();

    [GeneratedRegex(@"-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----", RegexOptions.CultureInvariant)]
    private static partial Regex EndLine();
}
