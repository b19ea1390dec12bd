using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Skills;

[Description("Create a new skill from SKILL.md content. The content is parsed and validated against the agentskills.io spec; safety scans (PII, injection, secrets) run before persistence.")]
public sealed record CreateSkill : PrivateInput, ISlice<SkillView>, ISkillFields, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/skills").AsTool("create_skill", "Create a skill").Created().MayAnswer(409)
        .Described("Create a skill from a SKILL.md; every validation problem is named (content.name, content.description, ...); scan findings are returned with it");

    [Required, Description("Full SKILL.md content (YAML frontmatter + markdown body)")]
    public string Content { get; init; } = "";

    [Description("Optional human-readable display title")]
    public string? Title { get; init; }

    [Description("Optional icon emoji (default: sparkle)")]
    public string? IconEmoji { get; init; }

    [Description("List of tag strings (max 50)")]
    public List<string>? Tags { get; init; }

    [Description("Whether the skill is a draft (default false)")]
    public bool? IsDraft { get; init; }

    public void Validate(InputErrors errors) => SkillFields.Validate(this, errors);
}

public static class CreateSkillHandler
{
    public static async Task<SkillView> Handle(CreateSkill command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var skill = new Skill { Id = Guid.CreateVersion7(), CreatedAt = now, UpdatedAt = now };
        await SkillFields.ApplyAsync(command, skill, session, ct);
        session.Store(skill);
        return SkillView.Of(skill);
    }
}
