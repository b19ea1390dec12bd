using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Tags;

[Description("Add a tag to a specific prompt. Tags must be alphanumeric with hyphens and underscores, max 50 characters. Duplicate tags (case-insensitive) are ignored.")]
public sealed record AddTag : PrivateInput, ISlice<PromptTagList>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/prompts/{prompt_id}/tags")
        .AsTool("add_tag", "Add a tag to a prompt", ToolHints.AddsIfMissing);

    [Required, Description("The prompt ID to add the tag to")]
    public string PromptId { get; init; } = "";

    [Required, Description("Tag name (alphanumeric, hyphens, underscores, max 50 chars)")]
    public string Tag { get; init; } = "";

    public void Validate(InputErrors errors) => TagInput.Validate(Tag, "tag", errors);
}

public static class AddTagHandler
{
    public static async Task<PromptTagList> Handle(AddTag command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var prompt = await session.LoadOwnedPromptAsync(command.PromptId, ct);
        var tag = command.Tag.Trim();
        var changed = !prompt.TagKeys.Contains(tag.ToLowerInvariant());
        if (changed)
        {
            if (prompt.Tags.Count >= PromptTags.MaxPerPrompt)
                throw new InvalidInputException("tag", $"the prompt already has {PromptTags.MaxPerPrompt} tags, the most allowed");
            prompt.SetTags(prompt.Tags.Append(tag));
            prompt.UpdatedAt = clock.GetUtcNow();
            session.Store(prompt);
        }
        return new PromptTagList(prompt.Id, prompt.Tags, prompt.Tags.Count, changed);
    }
}
