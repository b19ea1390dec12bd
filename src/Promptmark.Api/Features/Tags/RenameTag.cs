using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Tags;

[Description("Rename a tag across all prompts that use it. The old name matches whatever its case; renaming onto a tag a prompt already has merges the two.")]
public sealed record RenameTag : PrivateInput, ISlice<RenamedTag>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/tags/rename").AsTool("rename_tag", "Rename a tag", ToolHints.Changes)
        .Described("Rename a tag on every prompt that has it (matched case-insensitively); renaming onto an existing tag merges them");

    [Required, Description("Current tag name")]
    public string OldName { get; init; } = "";

    [Required, Description("New tag name")]
    public string NewName { get; init; } = "";

    public void Validate(InputErrors errors) => TagInput.Validate(NewName, "new_name", errors);
}

public sealed record RenamedTag(string OldName, string NewName, int PromptsUpdated);

public static class RenameTagHandler
{
    public static async Task<RenamedTag> Handle(RenameTag command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var oldKey = command.OldName.Trim().ToLowerInvariant();
        var newName = command.NewName.Trim();
        var now = clock.GetUtcNow();
        var prompts = await session.Query<Prompt>().Where(p => p.TagKeys.Contains(oldKey)).ToListAsync(ct);
        foreach (var prompt in prompts)
        {
            prompt.SetTags(prompt.Tags.Select(t => t.Equals(oldKey, StringComparison.OrdinalIgnoreCase) ? newName : t));
            prompt.UpdatedAt = now;
            session.Store(prompt);
        }
        return new RenamedTag(command.OldName.Trim(), newName, prompts.Count);
    }
}
