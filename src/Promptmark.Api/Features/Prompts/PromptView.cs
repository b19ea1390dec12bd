namespace Promptmark.Api.Features.Prompts;

/// <summary>A prompt as both doors return it. <c>prompt</c> is the content, as in create_prompt.</summary>
public sealed record PromptView(
    Guid Id,
    string Title,
    string Prompt,
    string? Notes,
    bool IsPublic,
    bool IsRemixable,
    IReadOnlyList<string> Tags,
    string TypeId,
    Guid? CollectionId,
    Guid? RemixedId,
    Guid? RemixedFromAuthorId,
    IReadOnlyList<string> Models,
    double SelfRating,
    bool IsTemplate,
    IReadOnlyList<ToolRef> ToolRefs,
    ScanView? Scan,
    bool ExposedAsTool,
    string? ToolName,
    int Version,
    bool IsOwner,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Notice)
{
    /// <summary>The owner sees notes, scan findings and the prompt's tool name; others see the public text only. <paramref name="notice"/> explains a write that did not go as asked.</summary>
    public static PromptView Of(Prompt p, Guid caller, string? notice = null)
    {
        var owner = p.OwnerId == caller;
        return new(p.Id, p.Title, p.Content, owner ? p.Notes : null, p.IsPublic, p.IsRemixable, p.Tags, p.TypeId, p.CollectionId,
            p.RemixedFromId, p.RemixedFromAuthorId, p.Models, p.SelfRating, p.IsTemplate, p.ToolRefs, owner ? ScanView.Of(p.Scan) : null,
            owner && p.ExposedAsTool, owner ? p.ToolName : null,
            p.Version, owner, p.CreatedAt, p.UpdatedAt, notice);
    }
}

/// <summary>One page of prompts with the total that matched.</summary>
public sealed record PromptPage(IReadOnlyList<PromptView> Prompts, long Total, int Limit, int Offset);
