using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Prompts;

/// <summary>Tag rules: letters, digits, hyphens and underscores, at most 50 characters; duplicates are dropped case-insensitively (first spelling wins).</summary>
public static class PromptTags
{
    public const int MaxLength = 50;
    public const int MaxPerPrompt = 50;

    public static List<string> Normalize(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim()).Where(t => t.Length > 0).DistinctBy(t => t.ToLowerInvariant()).ToList();

    /// <summary>Lower-cased tags, the keys filters match case-insensitively.</summary>
    public static List<string> KeysOf(IEnumerable<string> tags) => tags.Select(t => t.ToLowerInvariant()).ToList();

    /// <summary>Reports each invalid tag, and more than <see cref="MaxPerPrompt"/> distinct tags on one <paramref name="owner"/>.</summary>
    public static void Validate(IReadOnlyCollection<string> tags, InputErrors errors, string owner)
    {
        foreach (var problem in tags.Select(t => Problem(t.Trim())).OfType<string>()) errors.Add("tags", problem);
        errors.When(Normalize(tags).Count > MaxPerPrompt, "tags", $"at most {MaxPerPrompt} tags per {owner}");
    }

    /// <summary>Why <paramref name="tag"/> is not a valid tag, or null.</summary>
    public static string? Problem(string tag) =>
        tag.Length > MaxLength ? $"'{Shorten(tag)}' is longer than {MaxLength} characters"
        : tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? null
        : $"'{Shorten(tag)}' may hold only letters, digits, hyphens and underscores";

    private static string Shorten(string tag) => tag.Length > 60 ? tag[..57] + "..." : tag;
}
