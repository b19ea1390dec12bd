namespace Promptmark.Api.Features.Prompts;

/// <summary>Tag rules: letters, digits, hyphens and underscores, at most 50 characters; duplicates are dropped case-insensitively (first spelling wins).</summary>
public static class PromptTags
{
    public const int MaxLength = 50;
    public const int MaxPerPrompt = 50;

    public static List<string> Normalize(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim()).Where(t => t.Length > 0).DistinctBy(t => t.ToLowerInvariant()).ToList();

    /// <summary>Why <paramref name="tag"/> is not a valid tag, or null.</summary>
    public static string? Problem(string tag) =>
        tag.Length > MaxLength ? $"'{Shorten(tag)}' is longer than {MaxLength} characters"
        : tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? null
        : $"'{Shorten(tag)}' may hold only letters, digits, hyphens and underscores";

    private static string Shorten(string tag) => tag.Length > 60 ? tag[..57] + "..." : tag;
}
