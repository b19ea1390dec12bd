namespace Promptmark.Api.Features.Skills;

internal static class SkillDocumentParser
{
    private static readonly string[] KnownFields = ["name", "description", "license", "compatibility", "metadata", "allowed-tools"];

    public static SkillParseResult Parse(string text)
    {
        var (source, splitProblem) = SkillSource.Split(text);
        if (source is null)
            return Failed(splitProblem!);

        var (map, yamlProblem) = FrontMatterReader.Read(source.FrontMatter, source.FrontMatterFirstLine);
        if (map is null)
            return Failed(yamlProblem!);

        var problems = new List<SkillProblem>();
        DuplicateKeys.Report(
            map,
            key => KnownFields.Contains(key) ? (key, key) : ("front-matter", $"the key {ProblemWording.Quote(key)}"),
            problems);

        // Unknown keys are tolerated and left out; for a repeated key the first one counts.
        FrontMatterNode? Field(string key) => map.Entries.FirstOrDefault(entry => entry.Key == key)?.Value;

        var document = new SkillDocument(
            SkillFieldRules.Name(Field("name"), problems),
            SkillFieldRules.Description(Field("description"), problems),
            SkillFieldRules.License(Field("license"), problems),
            SkillFieldRules.Compatibility(Field("compatibility"), problems),
            SkillMetadataRules.Read(Field("metadata"), problems),
            AllowedTools.Read(Field("allowed-tools"), problems),
            source.Body);
        SkillFieldRules.Body(source.Body, problems);

        return new SkillParseResult(document, problems);
    }

    private static SkillParseResult Failed(SkillProblem problem) => new(null, [problem]);
}
