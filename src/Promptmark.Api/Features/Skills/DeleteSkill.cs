using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Skills;

[Description("Soft-delete a skill by ID.")]
public sealed record DeleteSkill : PrivateInput, ISlice<Deleted>
{
    public static SliceBinding Binding { get; } = SliceBinding.Delete("/api/skills/{id}").AsTool("delete_skill", "Delete a skill");

    [Required, Description("Skill ID (UUID)")]
    public string Id { get; init; } = "";
}

public static class DeleteSkillHandler
{
    public static async Task<Deleted> Handle(DeleteSkill command, IDocumentSession session, CancellationToken ct)
    {
        var skill = await session.LoadOwnedAsync<Skill>(command.Id, "skill", ct);
        session.Delete(skill);
        return new Deleted(skill.Id);
    }
}
