using Marten;
using Promptmark.Api.Features.Collections;
using Promptmark.Api.Infrastructure.Json;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Prompts;

/// <summary>The editable fields shared by create_prompt and update_prompt; null means "not given".</summary>
public interface IPromptFields
{
    string? Title { get; }
    string? Prompt { get; }
    string? Notes { get; }
    bool? IsPublic { get; }
    bool? IsRemixable { get; }
    StringList? Tags { get; }
    string? TypeId { get; }
    string? CollectionId { get; }
    StringList? Models { get; }
    double? SelfRating { get; }
}

/// <summary>The rules and the write of <see cref="IPromptFields"/>, in one place for both slices.</summary>
public static class PromptFields
{
    public const int MaxTitle = 200;
    public const int MaxContent = 100_000;
    public const int MaxNotes = 20_000;
    public const int MaxModels = 20;

    public static void Validate(IPromptFields fields, InputErrors errors)
    {
        if (fields.Title is { } title)
            errors.When(title.Trim().Length is 0 or > MaxTitle, "title", $"must be 1 to {MaxTitle} characters");
        if (fields.Prompt is { } content)
            errors.When(content.Length > MaxContent, "prompt", $"must be at most {MaxContent:N0} characters");
        if (fields.Notes is { } notes)
            errors.When(notes.Length > MaxNotes, "notes", $"must be at most {MaxNotes:N0} characters");
        if (fields.TypeId is { Length: > 0 } type)
            errors.When(!PromptTypes.IsKnown(type), "type_id", $"must be one of: {string.Join(", ", PromptTypes.All)}");
        if (fields.SelfRating is { } rating)
            errors.When(rating is < 0 or > 5 || double.IsNaN(rating), "self_rating", "must be between 0 (no rating) and 5");
        if (fields.Tags is { } tags) PromptTags.Validate(tags, errors, "prompt");
        if (fields.Models is { } models)
        {
            errors.When(models.Count > MaxModels, "models", $"at most {MaxModels} models");
            errors.When(models.Any(m => m.Trim().Length is 0 or > 100), "models", "each model ID must be 1 to 100 characters");
        }
    }

    /// <summary>
    /// Writes the given fields onto <paramref name="prompt"/> (the collection must be one of the caller's), scans new
    /// text, and returns the notice to show when the prompt had to stay private because of open scan findings.
    /// </summary>
    public static async Task<string?> ApplyAsync(IPromptFields fields, Prompt prompt, IDocumentSession session, SliceDoor door, CancellationToken ct)
    {
        if (fields.Title is { } title) prompt.Title = title.Trim();
        if (fields.Prompt is { } content) prompt.SetContent(content);
        if (fields.Notes is { } notes) prompt.Notes = notes.Length == 0 ? null : notes;
        if (fields.IsPublic is { } isPublic) prompt.IsPublic = isPublic;
        if (fields.IsRemixable is { } isRemixable) prompt.IsRemixable = isRemixable;
        if (fields.Tags is { } tags) prompt.SetTags(tags);
        if (fields.TypeId is { Length: > 0 } type) prompt.TypeId = type;
        if (fields.Models is { } models) prompt.Models = models.Select(m => m.Trim()).Distinct().ToList();
        if (fields.SelfRating is { } rating) prompt.SelfRating = rating;
        if (fields.CollectionId is { } collectionId) prompt.CollectionId = await session.ResolveCollectionAsync(collectionId, ct);
        return fields.Title is not null || fields.Prompt is not null || fields.Notes is not null
            ? PromptSafety.Rescan(prompt, door)
            : PromptSafety.KeepPrivateWhileOpen(prompt, door);
    }
}
