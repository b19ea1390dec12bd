namespace Promptmark.Api.Features.Skills;

public static class SkillLimits
{
    public const int NameMaxLength = 64;
    public const int DescriptionMaxLength = 1024;
    public const int CompatibilityMaxLength = 500;
    public const int BodyMaxLength = 100_000;
    public const int FrontMatterMaxBytes = 64 * 1024;

    /// <summary>SKILL.md needs two levels (metadata entries); the cap keeps hostile YAML from recursing deeply.</summary>
    public const int FrontMatterMaxNesting = 32;
}
