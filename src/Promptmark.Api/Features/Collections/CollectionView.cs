namespace Promptmark.Api.Features.Collections;

/// <summary>A collection as both doors return it; counts and prompt ids only when asked for.</summary>
public sealed record CollectionView(
    Guid Id, string Name, string? Description, string Icon, string Color, bool IsPublic,
    int? PromptCount, IReadOnlyList<Guid>? PromptIds, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CollectionView Of(Collection c, int? promptCount = null, IReadOnlyList<Guid>? promptIds = null) =>
        new(c.Id, c.Name, c.Description, c.Icon, c.Color, c.IsPublic, promptCount, promptIds, c.CreatedAt, c.UpdatedAt);
}

public sealed record CollectionList(IReadOnlyList<CollectionView> Collections);
