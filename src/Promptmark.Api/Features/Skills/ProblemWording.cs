namespace Promptmark.Api.Features.Skills;

internal static class ProblemWording
{
    private const int QuotedMaxLength = 40;

    /// <summary>The value in double quotes, escaped and shortened so that a message stays one readable line.</summary>
    public static string Quote(string value)
    {
        if (value.Length <= QuotedMaxLength)
            return YamlScalar.DoubleQuoted(value);

        var cut = char.IsHighSurrogate(value[QuotedMaxLength - 1]) ? QuotedMaxLength - 1 : QuotedMaxLength;
        return YamlScalar.DoubleQuoted(value[..cut] + "…");
    }

    /// <summary>"lines 2 and 5", "lines 2, 5 and 9".</summary>
    public static string Lines(IReadOnlyList<int> lines) =>
        $"lines {string.Join(", ", lines.Take(lines.Count - 1))} and {lines[^1]}";
}
