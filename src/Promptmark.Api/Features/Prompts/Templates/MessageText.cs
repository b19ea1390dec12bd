namespace Promptmark.Api.Features.Prompts.Templates;

internal static class MessageText
{
    private const int MaxQuotedLength = 40;

    /// <summary>Quotes a value for a message, shortening it so one long value cannot swamp the message.</summary>
    public static string Quote(ReadOnlySpan<char> value)
    {
        if (value.Length <= MaxQuotedLength)
            return $"\"{value}\"";

        var cut = MaxQuotedLength - 1;
        if (char.IsHighSurrogate(value[cut - 1]))
            cut--;
        return $"\"{value[..cut]}…\"";
    }

    public static string OptionList(IReadOnlyList<string> options) => string.Join(", ", options);
}
