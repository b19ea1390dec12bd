using System.Text;

namespace Promptmark.Api.Features.Skills;

/// <summary>Writes strings as YAML scalars that read back as exactly the same string, never as a number, bool or null.</summary>
internal static class YamlScalar
{
    private const string IndicatorCharacters = "-?:,[]{}#&*!|>'\"%@`";

    private static readonly HashSet<string> NonStringWords =
        new(["~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Plain when that is safe, a literal block for clean multi-line text, double-quoted otherwise.</summary>
    public static string Format(string value, int indent)
    {
        if (IsPlainSafe(value))
            return value;
        return IsLiteralSafe(value) ? Literal(value, indent) : DoubleQuoted(value);
    }

    /// <summary>
    /// Keys stay plain only when made of letters, digits, '-', '_' and '.': YamlDotNet misreads some otherwise
    /// valid plain keys, such as "a *b: c", as one scalar.
    /// </summary>
    public static string Key(string key) =>
        IsPlainSafe(key) && key.All(character => char.IsLetterOrDigit(character) || character is '-' or '_' or '.')
            ? key
            : DoubleQuoted(key);

    public static string DoubleQuoted(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var character in value)
        {
            switch (character)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (IsPrintable(character))
                        quoted.Append(character);
                    else
                        quoted.Append($"\\u{(int)character:X4}");
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    private static bool IsPlainSafe(string value) =>
        value.Length > 0
        && !char.IsWhiteSpace(value[0])
        && !char.IsWhiteSpace(value[^1])
        && !IndicatorCharacters.Contains(value[0])
        // Anything that starts like a number (1, .5, +1, 2024-01-01) could be read as one by some YAML reader.
        && !char.IsAsciiDigit(value[0]) && value[0] is not ('.' or '+')
        && !NonStringWords.Contains(value)
        && !value.Contains(": ", StringComparison.Ordinal)
        && !value.Contains(" #", StringComparison.Ordinal)
        && !value.EndsWith(':')
        && value.All(IsPrintable);

    private static bool IsLiteralSafe(string value) =>
        value.Contains('\n')
        && !char.IsWhiteSpace(value[0])
        && !char.IsWhiteSpace(value[^1])
        && value.Split('\n').All(line => line.Length == 0 || !char.IsWhiteSpace(line[^1]))
        && value.All(character => character is '\n' or '\t' || IsPrintable(character));

    /// <summary>A "|-" block: kept line for line, without a final line break.</summary>
    private static string Literal(string value, int indent)
    {
        var prefix = new string(' ', indent);
        var lines = value.Split('\n').Select(line => line.Length == 0 ? line : prefix + line);
        return "|-\n" + string.Join('\n', lines);
    }

    // What YAML may hold unescaped on one line; U+2028/U+2029 and U+0085 would count as line breaks.
    private static bool IsPrintable(char character) =>
        character >= ' '
        && character is not ('\x7F' or >= '\x80' and <= '\x9F')
        && character is not ('\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF');
}
