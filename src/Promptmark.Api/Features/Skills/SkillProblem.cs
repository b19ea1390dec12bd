namespace Promptmark.Api.Features.Skills;

/// <summary>
/// One thing wrong with a SKILL.md. <see cref="Field"/> is the front matter key it concerns
/// ("name", "description", "license", "compatibility", "metadata", "allowed-tools"),
/// or "front-matter" / "body" for the document as a whole.
/// </summary>
public sealed record SkillProblem(string Field, string Message);
