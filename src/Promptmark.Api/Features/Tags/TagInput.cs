using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Tags;

public static class TagInput
{
    /// <summary>Reports a tag that breaks the tag rules under <paramref name="field"/>.</summary>
    public static void Validate(string? tag, string field, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(tag)) return;
        if (PromptTags.Problem(tag.Trim()) is { } problem) errors.Add(field, problem);
    }
}
