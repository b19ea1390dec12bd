using Promptmark.Api.Features.Scans;

namespace Promptmark.Api.Features.Skills;

/// <summary>A skill with its full SKILL.md.</summary>
public sealed record SkillView(
    Guid Id, string Name, string Description, string Title, string IconEmoji, IReadOnlyList<string> Tags, bool IsDraft,
    int Version, string Content, IReadOnlyList<ScanFinding> Findings, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SkillView Of(Skill s) =>
        new(s.Id, s.Name, s.Description, s.Title, s.IconEmoji, s.Tags, s.IsDraft, s.Version, s.Content, s.Findings, s.CreatedAt, s.UpdatedAt);
}

/// <summary>A skill in a list: everything but the body.</summary>
public sealed record SkillSummary(
    Guid Id, string Name, string Description, string Title, string IconEmoji, IReadOnlyList<string> Tags, bool IsDraft,
    int Version, int FindingCount, DateTimeOffset UpdatedAt)
{
    public static SkillSummary Of(Skill s) =>
        new(s.Id, s.Name, s.Description, s.Title, s.IconEmoji, s.Tags, s.IsDraft, s.Version, s.Findings.Count, s.UpdatedAt);
}

public sealed record SkillPage(IReadOnlyList<SkillSummary> Skills, long Total, int Page, int PageSize);
