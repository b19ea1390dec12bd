using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Tags;

[Description("Add a tag to multiple prompts at once. Skips prompts that already have the tag. Uses a database transaction for atomicity. One missing or foreign prompt ID fails the whole call, names that ID, and changes nothing.")]
public sealed record BulkAddTag : PrivateInput, ISlice<BulkTagResult>, IValidated
{
    public const int MaxPrompts = 100;

    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/tags/bulk")
        .AsTool("bulk_add_tag", "Add a tag to many prompts", ToolHints.AddsIfMissing)
        .Described("Add a tag to up to 100 prompts in one transaction; one missing or foreign prompt fails the call and changes nothing");

    [Required, Description("Tag name to add (alphanumeric, hyphens, underscores, max 50 chars)")]
    public string Tag { get; init; } = "";

    [Required, Description("Array of prompt IDs to add the tag to (max 100)")]
    public List<string>? PromptIds { get; init; }

    public void Validate(InputErrors errors)
    {
        TagInput.Validate(Tag, "tag", errors);
        errors.When(PromptIds is { Count: 0 }, "prompt_ids", "must hold at least one prompt ID");
        errors.When(PromptIds is { Count: > MaxPrompts }, "prompt_ids", $"at most {MaxPrompts} prompts per call");
    }
}

public sealed record BulkTagResult(string Tag, int Updated, int Requested);

public static class BulkAddTagHandler
{
    public static async Task<BulkTagResult> Handle(BulkAddTag command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var requested = command.PromptIds!.Select(id => id.Trim()).Distinct().ToList();
        var found = (await session.LoadManyAsync<Prompt>(ct, requested.Select(ParseOrEmpty)))
            .Where(p => !p.Deleted).ToDictionary(p => p.Id);
        var prompts = requested.Select(id => found.GetValueOrDefault(ParseOrEmpty(id)) ?? throw new NotFoundException($"prompt {id}")).ToList();
        var tag = command.Tag.Trim();
        var key = tag.ToLowerInvariant();
        var now = clock.GetUtcNow();
        var updated = 0;
        foreach (var prompt in prompts.Where(p => !p.TagKeys.Contains(key)))
        {
            if (prompt.Tags.Count >= PromptTags.MaxPerPrompt)
                throw new InvalidInputException("prompt_ids", $"prompt {prompt.Id} already has {PromptTags.MaxPerPrompt} tags, the most allowed");
            prompt.SetTags(prompt.Tags.Append(tag));
            prompt.UpdatedAt = now;
            session.Store(prompt);
            updated++;
        }
        return new BulkTagResult(tag, updated, requested.Count);
    }

    private static Guid ParseOrEmpty(string id) => Guid.TryParse(id, out var guid) ? guid : Guid.Empty;
}
