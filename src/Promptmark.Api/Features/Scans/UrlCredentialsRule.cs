using System.Buffers;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// Passwords inside URLs (postgres://app:s3cr3t@db:5432/…), read outwards from each "://". Placeholders, passwords
/// made of letters only, and the stock development passwords of local examples (postgres:postgres, user:password)
/// are not findings.
/// </summary>
internal static class UrlCredentialsRule
{
    const int Specificity = 80;
    const int MinimumLength = 6;
    const int MaxUser = 64;
    const int MaxPassword = 128;

    static readonly SearchValues<char> Letters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    static readonly SearchValues<char> SchemeChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
    static readonly SearchValues<char> Delimiters = SearchValues.Create(" \t\r\n:/@\"'<>");

    static readonly HashSet<string> StockPasswords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pass", "pwd", "secret", "postgres", "root", "admin", "guest", "user", "test", "mysql",
        "mysecretpassword", "example", "changeme", "letmein", "default", "demo", "redis", "mongo", "rabbitmq", "sa",
    };

    public static void Find(string text, List<Detection> found)
    {
        for (var separator = text.IndexOf("://", StringComparison.Ordinal); separator >= 0;
             separator = text.IndexOf("://", separator + 3, StringComparison.Ordinal))
        {
            var start = separator;
            while (start > 0 && separator - start < 16 && SchemeChars.Contains(text[start - 1])) start--;
            if (start == separator || !char.IsAsciiLetter(text[start])) continue;

            var userStart = separator + 3;
            var userEnd = RunEnd(text, userStart, MaxUser);
            if (userEnd == userStart || userEnd >= text.Length || text[userEnd] != ':') continue;
            var passwordStart = userEnd + 1;
            var passwordEnd = RunEnd(text, passwordStart, MaxPassword);
            if (passwordEnd >= text.Length || text[passwordEnd] != '@' || passwordEnd + 1 >= text.Length || !IsHostStart(text[passwordEnd + 1])) continue;

            var user = text.AsSpan(userStart, userEnd - userStart);
            var password = text.AsSpan(passwordStart, passwordEnd - passwordStart);
            if (password.Length < MinimumLength || SecretValues.IsPlaceholder(password) || StockPasswords.Contains(password.ToString())
                || password.SequenceEqual(user) || !password.ContainsAnyExcept(Letters)) continue;
            found.Add(new Detection(ScanCategories.Secrets, "url-credentials", start, passwordEnd + 1 - start, Specificity,
                passwordStart, password.Length, Masks.Secret(password)));
        }
    }

    static int RunEnd(string text, int from, int max)
    {
        var length = text.AsSpan(from, Math.Min(max + 1, text.Length - from)).IndexOfAny(Delimiters);
        return length < 0 ? Math.Min(text.Length, from + max + 1) : from + length;
    }

    static bool IsHostStart(char c) => char.IsAsciiLetterOrDigit(c) || c is '[' or '.' or '-';
}
