using System.Buffers;
using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// A value assigned to a credential-like name, in code, config, JSON, YAML, .env or HTTP headers:
/// <c>api_key = "…"</c>, <c>"client_secret": "…"</c>, <c>DB_PASSWORD=…</c>, <c>Authorization: Bearer …</c>.
/// Generic names need a 20+ character random-looking value (digits and letters, high entropy, not snake_case);
/// password names need 8+ characters drawn from at least three character classes. Placeholders never count,
/// nor do names that hold something other than the secret itself (token_url, max_tokens, password_hash, key_id).
/// </summary>
internal static partial class CredentialAssignmentRule
{
    const int Specificity = 50;
    const int MaxNameSide = 40;
    const int MaxValue = 200;
    const int MinimumTokenLength = 20;
    const int MinimumPasswordLength = 8;
    const double MinimumEntropy = 3.2;

    // Every name the Keyword pattern accepts contains one of these.
    static readonly SearchValues<string> Hints = SearchValues.Create(
        ["key", "secret", "token", "passw", "pwd", "authorization", "credential", "bearer"], StringComparison.OrdinalIgnoreCase);

    static readonly SearchValues<char> NameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-");
    static readonly SearchValues<char> ValueStops = SearchValues.Create(" \t\r\n\"'`,;:()<>[]{}|\\");

    static readonly SearchValues<char> AlphaNumerics = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    static readonly string[] AuthSchemes = ["Bearer ", "Basic ", "Token "];

    static readonly string[] NotTheSecret =
    [
        "hash", "sha1", "sha256", "digest", "checksum", "fingerprint", "public", "name", "type", "url", "uri", "endpoint",
        "path", "file", "count", "length", "limit", "max", "min", "version", "arn", "policy", "expir", "ttl", "size",
        "header", "prefix", "format", "label", "field", "usage", "budget", "_id", "-id", ".id", "id_", "ids", "reset", "hint",
    ];

    public static void Find(string text, List<Detection> found)
    {
        var span = text.AsSpan();
        var from = 0;
        while (from < text.Length && span[from..].IndexOfAny(Hints) is var offset and >= 0)
        {
            var hint = from + offset;
            var nameStart = hint;
            while (nameStart > 0 && hint - nameStart < MaxNameSide && NameChars.Contains(text[nameStart - 1])) nameStart--;
            var nameEnd = hint;
            while (nameEnd < text.Length && nameEnd - hint < MaxNameSide && NameChars.Contains(text[nameEnd])) nameEnd++;
            from = Math.Max(nameEnd, hint + 1);

            var name = span[nameStart..nameEnd];
            if (!Keyword().IsMatch(name) || IsInsideIdentifier(text, nameStart) || IsNotTheSecret(name)
                || ValueAfter(text, nameEnd) is not var (valueStart, valueLength)) continue;
            var value = span.Slice(valueStart, valueLength);
            if (!IsCredential(name, value)) continue;

            found.Add(new Detection(ScanCategories.Secrets, "credential-assignment", nameStart, valueStart + valueLength - nameStart,
                Specificity, valueStart, valueLength, Masks.Secret(value)));
            from = valueStart + valueLength;
        }
    }

    /// <summary>A name inside an ARN, path or URI (arn:aws:secretsmanager:…:secret:prod/db) is part of an identifier, not a key.</summary>
    static bool IsInsideIdentifier(string text, int nameStart) => nameStart > 0 && text[nameStart - 1] is ':' or '/' or '@';

    static bool IsNotTheSecret(ReadOnlySpan<char> name)
    {
        if (name.Equals("PWD", StringComparison.OrdinalIgnoreCase) || name.Equals("OLDPWD", StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var word in NotTheSecret)
            if (name.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return name.EndsWith("id", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The value after a name: an optional closing quote, the operator, an optional auth scheme and opening quote.</summary>
    static (int Start, int Length)? ValueAfter(string text, int i)
    {
        if (i < text.Length && text[i] is '"' or '\'') i++;
        i = SkipBlanks(text, i);
        var rest = text.AsSpan(i);
        var operatorLength = rest.StartsWith("=>") || rest.StartsWith(":=") || rest.StartsWith("==") ? 2
            : rest.Length > 0 && rest[0] is '=' or ':' ? 1 : 0;
        if (operatorLength == 0) return null;
        i = SkipBlanks(text, i + operatorLength);
        foreach (var scheme in AuthSchemes)
            if (text.AsSpan(i).StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) { i += scheme.Length; break; }
        if (i < text.Length && text[i] is '"' or '\'' or '`') i++;

        var end = i;
        while (end < text.Length && end - i < MaxValue && !ValueStops.Contains(text[end])) end++;
        if (end < text.Length && text[end] == '(') return null;
        return (i, end - i);
    }

    static int SkipBlanks(string text, int i)
    {
        var limit = Math.Min(text.Length, i + 3);
        while (i < limit && text[i] is ' ' or '\t') i++;
        return i;
    }

    static bool IsCredential(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        if (SecretValues.IsPlaceholder(value) || IdentifierPath().IsMatch(value) || IsFilePath(value)) return false;
        if (IsWordy(value)) return false;
        if (IsPasswordName(name)) return value.Length >= MinimumPasswordLength && CharacterClasses(value) >= 3;
        return value.Length >= MinimumTokenLength && SecretValues.LooksRandom(value, MinimumEntropy);
    }

    static bool IsFilePath(ReadOnlySpan<char> value) => value[0] is '/' or '~' || value.StartsWith("./") || value.StartsWith("../");

    static bool IsPasswordName(ReadOnlySpan<char> name) =>
        name.Contains("passw", StringComparison.OrdinalIgnoreCase) || name.Contains("pwd", StringComparison.OrdinalIgnoreCase);

    static int CharacterClasses(ReadOnlySpan<char> value) =>
        (value.ContainsAnyInRange('a', 'z') ? 1 : 0) + (value.ContainsAnyInRange('A', 'Z') ? 1 : 0)
        + (value.ContainsAnyInRange('0', '9') ? 1 : 0) + (value.ContainsAnyExcept(AlphaNumerics) ? 1 : 0);

    /// <summary>Identifiers and settings (user_session_2024_v2, scram-sha-256, a UUID) separate words; secrets rarely do.</summary>
    static bool IsWordy(ReadOnlySpan<char> value) =>
        (value.Count('_') + value.Count('-') + value.Count('.')) * 10 > value.Length;

    /// <summary>A reference to where the secret lives (process.env.DB_PASSWORD, settings.Db.Password), not the secret.</summary>
    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPath();

    [GeneratedRegex(@"api[_\-]?key|apikey|secret|token|passw(?:or)?d|pwd|access[_\-]?key|private[_\-]?key|auth[_\-]?key|authorization|credentials?|bearer|session[_\-]?key|signing[_\-]?key|encryption[_\-]?key|master[_\-]?key",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();
}
