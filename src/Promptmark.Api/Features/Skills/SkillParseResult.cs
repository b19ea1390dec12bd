namespace Promptmark.Api.Features.Skills;

/// <summary>
/// <see cref="Document"/> is null only when the front matter could not be read at all; otherwise it holds
/// the fields as far as they could be understood, so check <see cref="IsValid"/> before storing it.
/// </summary>
public sealed record SkillParseResult(SkillDocument? Document, IReadOnlyList<SkillProblem> Problems)
{
    public bool IsValid => Problems.Count == 0 && Document is not null;
}
