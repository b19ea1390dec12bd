using System.Globalization;

namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>What counts as a number, a boolean or an enum option, for defaults and inputs alike.</summary>
internal static class ValueRules
{
    public const int MaxDefaultLength = 500;

    // Up to 308 digits always fit a double, so a plain count is taken as a number without parsing it (a parse costs ~30 ns).
    private const int MaxPlainDigits = 308;

    public static bool IsNumber(ReadOnlySpan<char> text) =>
        text.Length is > 0 and <= MaxPlainDigits && !text.ContainsAnyExceptInRange('0', '9')
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number);

    /// <summary>The canonical "true" or "false", or null when the text is neither.</summary>
    public static string? AsBoolean(ReadOnlySpan<char> text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) ? "true"
        : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? "false"
        : null;

    /// <summary>The option as declared, preferring an exact match over a case-insensitive one; null when none matches.</summary>
    public static string? MatchOption(IReadOnlyList<string> options, ReadOnlySpan<char> value)
    {
        foreach (var option in options)
        {
            if (value.SequenceEqual(option))
                return option;
        }
        foreach (var option in options)
        {
            if (value.Equals(option, StringComparison.OrdinalIgnoreCase))
                return option;
        }
        return null;
    }
}
