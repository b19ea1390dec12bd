using System.Text;

namespace Promptmark.Api.Tests.Scans;

/// <summary>
/// Realistic values made up at run time: valid card numbers and IBANs (check digits computed here, independently
/// of the scanner) and random tokens in each provider's format. Nothing secret-shaped is written into the source.
/// </summary>
public static class Fake
{
    const string Base62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    public const string UpperLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string Letters = UpperLetters + "abcdefghijklmnopqrstuvwxyz";
    const string Upper36 = UpperLetters + "0123456789";
    const string Base32 = UpperLetters + "234567";
    const string Base64 = Base62 + "+/";
    const string Base64Url = Base62 + "-_";

    public static string Token(Random random, int length, string alphabet = Base62)
    {
        var token = new StringBuilder(length);
        for (var i = 0; i < length; i++) token.Append(alphabet[random.Next(alphabet.Length)]);
        return token.ToString();
    }

    public static string OpenAiKey(Random r) => "sk-proj-" + Token(r, 64) + "T3BlbkFJ" + Token(r, 64);
    public static string OpenAiLegacyKey(Random r) => "sk-" + Token(r, 48);
    public static string AnthropicKey(Random r) => "sk-ant-api03-" + Token(r, 93, Base64Url.Replace("-", "")) + "-" + Token(r, 6) + "AA";
    public static string AwsAccessKeyId(Random r, string alphabet = Base32) => "AKIA" + Token(r, 16, alphabet);
    public static string AwsSecretKey(Random r) => Token(r, 40, Base64);
    public static string GitHubToken(Random r, string prefix = "ghp_") => prefix + Token(r, 36);
    public static string GitHubFineGrained(Random r) => "github_pat_11" + Token(r, 20, Upper36) + "_" + Token(r, 59);
    public static string SlackBotToken(Random r) => $"xoxb-{Number(r, 12)}-{Number(r, 13)}-{Token(r, 24)}";
    public static string SlackUserToken(Random r) => $"xoxp-{Number(r, 12)}-{Number(r, 12)}-{Number(r, 13)}-{Token(r, 32, "0123456789abcdef")}";
    public static string SlackWebhook(Random r) => $"https://hooks.slack.com/services/T{Token(r, 8, Upper36)}/B{Token(r, 10, Upper36)}/{Token(r, 24)}";
    public static string StripeLiveKey(Random r) => "sk_live_" + Token(r, 99);
    public static string StripeTestKey(Random r) => "sk_test_" + Token(r, 99);
    public static string StripeRestrictedKey(Random r) => "rk_live_" + Token(r, 99);
    public static string GoogleApiKey(Random r) => "AIza" + Token(r, 35, Base64Url);
    public static string HuggingFaceToken(Random r) => "hf_" + Token(r, 34);
    public static string GitLabToken(Random r) => "glpat-" + Token(r, 20, Base64Url);
    public static string SendGridKey(Random r) => "SG." + Token(r, 22, Base64Url) + "." + Token(r, 43, Base64Url);
    public static string NpmToken(Random r) => "npm_" + Token(r, 36);
    public static string HexSecret(Random r, int length = 40) => Token(r, length, "0123456789abcdef");
    public static string Password(Random r) => Token(r, 5, "ABCDEFGHJKLMNPQRSTUVWXYZ") + Token(r, 5, "abcdefghijkmnpqrstuvwxyz") + Token(r, 3, "23456789") + Token(r, 1, "!#%&*?");

    public static string PrivateKeyBlock(Random r, string kind = "RSA PRIVATE KEY")
    {
        var body = Token(r, 64 * 12, Base64);
        var lines = Enumerable.Range(0, 12).Select(i => body.Substring(i * 64, 64));
        return $"-----BEGIN {kind}-----\n{string.Join('\n', lines)}\n-----END {kind}-----";
    }

    public static string Jwt(Random r)
    {
        var header = Convert.ToBase64String("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"sub":"{{Number(r, 8)}}","name":"Maria Lopez","iat":{{1700000000 + r.Next(10_000_000)}}}"""))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{header}.{payload}.{Token(r, 43, Base64Url)}";
    }

    public static string Number(Random r, int digits) => r.Next(1, 10) + Token(r, digits - 1, "0123456789");

    /// <summary>A Luhn-valid card number with the given issuer prefix, grouped 4-4-4-4 (or 4-6-5 for 15 digits) when <paramref name="separator"/> is set.</summary>
    public static string Card(Random r, string prefix, int length, string? separator = null)
    {
        var body = prefix + Token(r, length - prefix.Length - 1, "0123456789");
        var digits = body + LuhnCheckDigit(body);
        if (separator is null) return digits;
        return length == 15
            ? string.Join(separator, digits[..4], digits[4..10], digits[10..])
            : string.Join(separator, digits.Chunk(4).Select(c => new string(c)));
    }

    public static char LuhnCheckDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var d = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0 && (d *= 2) > 9) d -= 9;
            sum += d;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }

    /// <summary>A mod-97-valid IBAN for <paramref name="country"/> with a random BBAN, in groups of four when <paramref name="grouped"/>.</summary>
    public static string Iban(Random r, string country, int length, bool grouped = true, string bbanAlphabet = "0123456789")
    {
        var bban = Token(r, length - 4, bbanAlphabet);
        var check = 98 - Mod97(bban + country + "00");
        var iban = $"{country}{check:00}{bban}";
        return grouped ? string.Join(' ', iban.Chunk(4).Select(c => new string(c))) : iban;
    }

    static int Mod97(string value)
    {
        var remainder = 0;
        foreach (var c in value)
            remainder = char.IsAsciiDigit(c) ? (remainder * 10 + c - '0') % 97 : (remainder * 100 + c - 'A' + 10) % 97;
        return remainder;
    }

    /// <summary>A Dutch BSN passing the elfproef.</summary>
    public static string Bsn(Random r)
    {
        while (true)
        {
            var first = Number(r, 8);
            var sum = first.Select((c, i) => (9 - i) * (c - '0')).Sum();
            var last = sum % 11;
            if (last <= 9) return first + last;
        }
    }

    public static string Ssn(Random r) => $"{r.Next(1, 665):000}-{r.Next(1, 100):00}-{r.Next(1, 10000):0000}";
}
