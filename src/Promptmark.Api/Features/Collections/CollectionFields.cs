using Marten;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Collections;

/// <summary>The editable fields shared by create_collection and update_collection; null means "not given".</summary>
public interface ICollectionFields
{
    string? Name { get; }
    string? Description { get; }
    string? Icon { get; }
    string? Color { get; }
    bool? IsPublic { get; }
}

public static class CollectionFields
{
    public const int MaxName = 100;
    public const int MaxDescription = 1000;
    public const int MaxIcon = 50;

    public static void Validate(ICollectionFields fields, InputErrors errors)
    {
        if (fields.Name is { } name) errors.When(name.Trim().Length is 0 or > MaxName, "name", $"must be 1 to {MaxName} characters");
        if (fields.Description is { } description) errors.When(description.Length > MaxDescription, "description", $"must be at most {MaxDescription} characters");
        if (fields.Icon is { } icon) errors.When(icon.Trim().Length is 0 or > MaxIcon, "icon", $"must be 1 to {MaxIcon} characters");
        if (fields.Color is { } color)
            errors.When(!CollectionStyle.Colors.Contains(color), "color", $"must be one of: {string.Join(", ", CollectionStyle.Colors)}");
    }

    /// <summary>Writes the given fields; a name another of the caller's collections already has (in any case) is a 409.</summary>
    public static async Task ApplyAsync(ICollectionFields fields, Collection collection, IDocumentSession session, CancellationToken ct)
    {
        if (fields.Name is { } name)
        {
            var key = name.Trim().ToLowerInvariant();
            if (await session.Query<Collection>().AnyAsync(c => c.NameKey == key && c.Id != collection.Id, ct))
                throw new ConflictException($"you already have a collection named '{name.Trim()}'");
            collection.Rename(name);
        }
        if (fields.Description is { } description) collection.Description = description.Length == 0 ? null : description;
        if (fields.Icon is { } icon) collection.Icon = icon.Trim();
        if (fields.Color is { } color) collection.Color = color;
        if (fields.IsPublic is { } isPublic) collection.IsPublic = isPublic;
    }
}
