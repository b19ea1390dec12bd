using System.Text;

namespace Promptmark.Api.Features.Skills;

/// <summary>The Agent Skills rules for the text fields and the body; each adds its problems and returns what it could read.</summary>
internal static class SkillFieldRules
{
    public static string Name(FrontMatterNode? node, List<SkillProblem> problems)
    {
        if (node is null || node.IsAbsent)
        {
            problems.Add(new SkillProblem("name", "name is required; add a line such as \"name: pdf-tools\" to the front matter"));
            return "";
        }

        var name = Text("name", node, problems);
        if (name is null)
            return "";
        if (name.Length == 0)
        {
            problems.Add(new SkillProblem("name",
                $"name must not be empty; use 1 to {SkillLimits.NameMaxLength} lowercase letters, digits and hyphens, such as \"pdf-tools\""));
            return name;
        }

        var length = Length(name);
        if (length > SkillLimits.NameMaxLength)
            problems.Add(new SkillProblem("name", $"name is {length} characters long; use at most {SkillLimits.NameMaxLength}"));
        if (!name.All(character => char.IsAsciiLetterLower(character) || char.IsAsciiDigit(character) || character == '-'))
            problems.Add(new SkillProblem("name",
                $"name {ProblemWording.Quote(name)} may hold only lowercase letters, digits and single hyphens{Suggestion(name)}"));
        if (name.StartsWith('-') || name.EndsWith('-'))
            problems.Add(new SkillProblem("name", $"name {ProblemWording.Quote(name)} must not start or end with a hyphen"));
        if (name.Contains("--", StringComparison.Ordinal))
            problems.Add(new SkillProblem("name", $"name {ProblemWording.Quote(name)} must not contain two hyphens in a row"));
        return name;
    }

    public static string Description(FrontMatterNode? node, List<SkillProblem> problems)
    {
        if (node is null || node.IsAbsent)
        {
            problems.Add(new SkillProblem("description",
                "description is required; add one that says what the skill does and when to use it"));
            return "";
        }

        var description = Text("description", node, problems)?.Trim();
        if (description is null)
            return "";
        if (description.Length == 0)
            problems.Add(new SkillProblem("description",
                "description must not be empty; say what the skill does and when to use it"));
        CheckLength("description", description, SkillLimits.DescriptionMaxLength, problems);
        return description;
    }

    public static string? License(FrontMatterNode? node, List<SkillProblem> problems) =>
        OptionalText("license", node, problems);

    public static string? Compatibility(FrontMatterNode? node, List<SkillProblem> problems)
    {
        var compatibility = OptionalText("compatibility", node, problems);
        if (compatibility is not null)
            CheckLength("compatibility", compatibility, SkillLimits.CompatibilityMaxLength, problems);
        return compatibility;
    }

    public static void Body(string body, List<SkillProblem> problems) =>
        CheckLength("body", body, SkillLimits.BodyMaxLength, problems);

    /// <summary>Blank optional fields count as not given.</summary>
    private static string? OptionalText(string field, FrontMatterNode? node, List<SkillProblem> problems)
    {
        var text = Text(field, node, problems)?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Null when the field is absent, or when it is not text (then reported).</summary>
    private static string? Text(string field, FrontMatterNode? node, List<SkillProblem> problems)
    {
        switch (node)
        {
            case null or { IsAbsent: true }:
                return null;
            case FrontMatterText text:
                return text.Text;
            default:
                problems.Add(new SkillProblem(field, $"{field} must be text, found {node.Kind}"));
                return null;
        }
    }

    private static void CheckLength(string field, string text, int maxLength, List<SkillProblem> problems)
    {
        var length = Length(text);
        if (length > maxLength)
            problems.Add(new SkillProblem(field, $"{field} is {length} characters long; shorten it to at most {maxLength}"));
    }

    // Characters as people count them: an emoji is one, not two UTF-16 code units.
    private static int Length(string text) => text.EnumerateRunes().Count();

    /// <summary>A valid name made from an ASCII name, such as "my-skill" for "My Skill".</summary>
    private static string Suggestion(string name)
    {
        if (!Ascii.IsValid(name))
            return "";

        var slug = new StringBuilder();
        foreach (var character in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(character))
                slug.Append(character);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }

        var suggestion = slug.ToString(0, Math.Min(slug.Length, SkillLimits.NameMaxLength)).TrimEnd('-');
        return suggestion.Length > 0 ? $"; try {YamlScalar.DoubleQuoted(suggestion)}" : "";
    }
}
