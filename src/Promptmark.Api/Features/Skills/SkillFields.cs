using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Skills;

/// <summary>The fields create_skill and update_skill share, and how they are checked and written.</summary>
public interface ISkillFields
{
    string Content { get; }
    string? Title { get; }
    string? IconEmoji { get; }
    List<string>? Tags { get; }
    bool? IsDraft { get; }
}

public static class SkillFields
{
    public const int MaxTitle = 200;
    public const int MaxTags = 50;

    public static void Validate(ISkillFields fields, InputErrors errors)
    {
        if (fields.Content.Length > 0)
            foreach (var problem in SkillDocument.Parse(fields.Content).Problems)
                errors.Add($"content.{problem.Field}", problem.Message);
        if (fields.Title is { } title) errors.When(title.Trim().Length > MaxTitle, "title", $"must be at most {MaxTitle} characters");
        if (fields.IconEmoji is { } icon) errors.When(icon.Trim().Length is 0 or > 16, "icon_emoji", "must be an emoji (1 to 16 characters)");
        if (fields.Tags is { } tags)
        {
            errors.When(tags.Count > MaxTags, "tags", $"at most {MaxTags} tags");
            foreach (var problem in tags.Select(t => PromptTags.Problem(t.Trim())).OfType<string>()) errors.Add("tags", problem);
        }
    }

    /// <summary>Writes the fields and scans the content; a name another live skill of the caller has is a 409.</summary>
    public static async Task ApplyAsync(ISkillFields fields, Skill skill, IDocumentSession session, CancellationToken ct)
    {
        var document = SkillDocument.Parse(fields.Content).Document!;
        if (await session.Query<Skill>().AnyAsync(s => s.Name == document.Name && s.Id != skill.Id, ct))
            throw new ConflictException($"you already have a skill named '{document.Name}'");
        skill.SetContent(document);
        if (fields.Title is { } title) skill.Title = title.Trim();
        if (string.IsNullOrEmpty(skill.Title) || fields.Title is { Length: 0 }) skill.Title = document.Title;
        if (fields.IconEmoji is { } icon) skill.IconEmoji = icon.Trim();
        if (fields.Tags is { } tags) skill.Tags = PromptTags.Normalize(tags);
        if (fields.IsDraft is { } isDraft) skill.IsDraft = isDraft;
    }
}
