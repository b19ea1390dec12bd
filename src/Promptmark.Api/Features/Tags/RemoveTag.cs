using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Tags;

[Description("Remove a tag from a specific prompt. Uses exact string matching. Answers changed=false when the prompt did not have the tag.")]
public sealed record RemoveTag : PrivateInput, ISlice<PromptTagList>
{
    public static SliceBinding Binding { get; } = SliceBinding.Delete("/api/prompts/{prompt_id}/tags/{tag}").AsTool("remove_tag", "Remove a tag from a prompt")
        .Described("Remove a tag from a prompt (exact match); changed is false when the prompt did not have it");

    [Required, Description("The prompt ID to remove the tag from")]
    public string PromptId { get; init; } = "";

    [Required, Description("Exact tag name to remove")]
    public string Tag { get; init; } = "";
}

public static class RemoveTagHandler
{
    public static async Task<PromptTagList> Handle(RemoveTag command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var prompt = await session.LoadOwnedPromptAsync(command.PromptId, ct);
        var changed = prompt.Tags.Contains(command.Tag);
        if (changed)
        {
            prompt.SetTags(prompt.Tags.Where(t => t != command.Tag));
            prompt.UpdatedAt = clock.GetUtcNow();
            session.Store(prompt);
        }
        return new PromptTagList(prompt.Id, prompt.Tags, prompt.Tags.Count, changed);
    }
}
