using System.Buffers.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// JSON Web Tokens: three base64url segments whose first decodes to a JSON object with an "alg" member.
/// The sample token shown on jwt.io is public and not a finding (see <see cref="SecretValues.IsPublishedSample"/>).
/// </summary>
internal static partial class JwtRule
{
    const int Specificity = 85;

    public static void Find(string text, List<Detection> found)
    {
        if (!text.Contains("eyJ", StringComparison.Ordinal)) return;
        foreach (Match match in Token().Matches(text))
        {
            if (SecretValues.IsPublishedSample(match.ValueSpan) || !HeaderNamesAlgorithm(match.Groups["header"].ValueSpan)) continue;
            found.Add(Detection.Masked(ScanCategories.Secrets, "jwt", match.Index, match.Length, Specificity, Masks.Secret(match.ValueSpan)));
        }
    }

    static bool HeaderNamesAlgorithm(ReadOnlySpan<char> header)
    {
        Span<byte> json = stackalloc byte[Base64Url.GetMaxDecodedLength(header.Length)];
        if (!Base64Url.TryDecodeFromChars(header, json, out var written)) return false;
        try
        {
            var reader = new Utf8JsonReader(json[..written]);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("alg"u8)) return true;
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return false;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])(?<header>eyJ[A-Za-z0-9_\-]{10,1000})\.[A-Za-z0-9_\-]{4,8000}\.[A-Za-z0-9_\-]{16,1000}(?![A-Za-z0-9_\-])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Token();
}
