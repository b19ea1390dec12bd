namespace Promptmark.Api.Tests.Skills;

/// <summary>Builds SKILL.md texts for tests.</summary>
internal static class SkillText
{
    public const string ValidFields = "name: pdf-tools\ndescription: Extracts text from PDF files.";

    public static string With(string frontMatter, string body = "# PDF tools\n\nSteps.\n") =>
        $"---\n{frontMatter}\n---\n\n{body}";

    /// <summary>The valid name and description plus <paramref name="moreFields"/>.</summary>
    public static string WithValidFieldsAnd(string moreFields) => With($"{ValidFields}\n{moreFields}");
}
