namespace Promptmark.Api.Features.Skills;

internal static class SkillMetadataRules
{
    /// <summary>metadata is a mapping of text keys to single values, each kept as text.</summary>
    public static IReadOnlyDictionary<string, string> Read(FrontMatterNode? node, List<SkillProblem> problems)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null || node.IsAbsent)
            return metadata.AsReadOnly();

        if (node is not FrontMatterMap map)
        {
            problems.Add(new SkillProblem("metadata",
                $"metadata must be a mapping of keys to values, written as indented lines such as \"  author: ada\" below it; found {node.Kind}"));
            return metadata.AsReadOnly();
        }

        DuplicateKeys.Report(map, key => ("metadata", $"metadata key {ProblemWording.Quote(key)}"), problems);
        foreach (var entry in map.Entries)
        {
            if (entry.Key is null)
                problems.Add(new SkillProblem("metadata",
                    $"metadata keys must be text, but the key on line {entry.Line} is a list or mapping"));
            else if (entry.Value is FrontMatterText text)
                metadata.TryAdd(entry.Key, text.IsNull ? "" : text.Text.Trim());
            else
                problems.Add(new SkillProblem("metadata",
                    $"metadata {ProblemWording.Quote(entry.Key)} must be a single value, found {entry.Value.Kind}; nested values are not supported"));
        }

        return metadata.AsReadOnly();
    }
}
