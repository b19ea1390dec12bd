using System.ComponentModel;
using Marten;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Skills;

[Description("Get the full SKILL.md for a skill (frontmatter + body). Provide either id or name. Answers the SKILL.md text itself.")]
public sealed record GetSkill : PrivateInput, ISlice<SkillView>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/skills/lookup").AsTool("get_skill", "Get a skill").AnswersMcpWith<SkillView>(s => s.Content)
        .Described("One skill by id or by name, with its full SKILL.md (over MCP the answer is the SKILL.md text itself)");

    [Description("Skill ID (UUID)")]
    public string? Id { get; init; }

    [Description("Skill name (max 200 chars)")]
    public string? Name { get; init; }

    public void Validate(InputErrors errors)
    {
        errors.When(string.IsNullOrWhiteSpace(Id) && string.IsNullOrWhiteSpace(Name), "id", "give either id or name");
        errors.When(Name is { Length: > 200 }, "name", "must be at most 200 characters");
    }
}

public static class GetSkillHandler
{
    public static async Task<SkillView> Handle(GetSkill query, IDocumentSession session, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(query.Id)) return SkillView.Of(await session.LoadOwnedAsync<Skill>(query.Id, "skill", ct));
        var name = query.Name!.Trim();
        return await session.Query<Skill>().FirstOrDefaultAsync(s => s.Name == name, ct) is { } skill
            ? SkillView.Of(skill)
            : throw new NotFoundException("skill");
    }
}
