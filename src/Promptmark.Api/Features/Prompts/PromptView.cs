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
    int Version,
    bool IsOwner,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static PromptView Of(Prompt p, Guid caller) => new(
        p.Id, p.Title, p.Content, p.OwnerId == caller ? p.Notes : null, p.IsPublic, p.IsRemixable, p.Tags, p.TypeId, p.CollectionId,
        p.RemixedFromId, p.RemixedFromAuthorId, p.Models, p.SelfRating, p.IsTemplate, p.ToolRefs, p.Version, p.OwnerId == caller,
        p.CreatedAt, p.UpdatedAt);
}

/// <summary>One page of prompts with the total that matched.</summary>
public sealed record PromptPage(IReadOnlyList<PromptView> Prompts, long Total, int Limit, int Offset);
