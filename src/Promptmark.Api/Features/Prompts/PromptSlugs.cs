using System.Text;

namespace Promptmark.Api.Features.Prompts;

/// <summary>A prompt's title as a name clients can show and type: lower-case ASCII letters and digits joined by one separator.</summary>
public static class PromptSlugs
{
    /// <summary>At most <paramref name="maxLength"/> characters; <paramref name="fallback"/> when the title has no letter or digit.</summary>
    public static string Of(string title, char separator, int maxLength, string fallback)
    {
        var slug = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != separator) slug.Append(separator);
        var text = slug.ToString().Trim(separator);
        return text.Length == 0 ? fallback : text.Length > maxLength ? text[..maxLength].TrimEnd(separator) : text;
    }
}
