namespace Promptmark.Api.Features.Skills;

/// <summary>A skill in the Agent Skills SKILL.md format: YAML front matter fields plus a markdown body.</summary>
public sealed record SkillDocument(
    string Name,
    string Description,
    string? License,
    string? Compatibility,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<string> AllowedTools,
    string Body)
{
    /// <summary>Never throws: anything wrong with <paramref name="text"/> comes back as problems.</summary>
    public static SkillParseResult Parse(string text) => SkillDocumentParser.Parse(text ?? string.Empty);

    /// <summary>The canonical SKILL.md text; <see cref="Parse"/> reads it back to an equal document.</summary>
    public string ToMarkdown() => SkillMarkdownWriter.Write(this);

    /// <summary>The text of the body's first markdown heading, or <see cref="Name"/> when there is none.</summary>
    public string Title => SkillTitle.FirstHeading(Body) ?? Name;

    public bool Equals(SkillDocument? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Name == other.Name
            && Description == other.Description
            && License == other.License
            && Compatibility == other.Compatibility
            && Body == other.Body
            && Metadata.Count == other.Metadata.Count
            && Metadata.All(entry => other.Metadata.TryGetValue(entry.Key, out var value) && value == entry.Value)
            && AllowedTools.SequenceEqual(other.AllowedTools));

    public override int GetHashCode() =>
        HashCode.Combine(Name, Description, License, Compatibility, Body, Metadata.Count, AllowedTools.Count);
}
