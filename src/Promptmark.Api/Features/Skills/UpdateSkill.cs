using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Skills;

[Description("Update an existing skill. Snapshots the current state to the version history before applying changes. Frontmatter name and description come from the new content; title, icon_emoji, tags, and is_draft are independent fields.")]
public sealed record UpdateSkill : PrivateInput, ISlice<SkillView>, ISkillFields, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Put("/api/skills/{id}").AsTool("update_skill", "Update a skill").MayAnswer(409);

    [Required, Description("Skill ID (UUID)")]
    public string Id { get; init; } = "";

    [Required, Description("New SKILL.md content")]
    public string Content { get; init; } = "";

    [Description("New display title")]
    public string? Title { get; init; }

    [Description("New icon emoji")]
    public string? IconEmoji { get; init; }

    [Description("New tag list (max 50)")]
    public List<string>? Tags { get; init; }

    [Description("Draft state (omit to leave unchanged)")]
    public bool? IsDraft { get; init; }

    public void Validate(InputErrors errors) => SkillFields.Validate(this, errors);
}

public static class UpdateSkillHandler
{
    public static async Task<SkillView> Handle(UpdateSkill command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var skill = await session.LoadOwnedAsync<Skill>(command.Id, "skill", ct);
        var now = clock.GetUtcNow();
        session.Store(new SkillVersion { Id = Guid.CreateVersion7(), SkillId = skill.Id, Number = skill.Version, Content = skill.Content, Title = skill.Title, CreatedAt = now });
        skill.Version++;
        await SkillFields.ApplyAsync(command, skill, session, ct);
        skill.UpdatedAt = now;
        session.Store(skill);
        return SkillView.Of(skill);
    }
}
