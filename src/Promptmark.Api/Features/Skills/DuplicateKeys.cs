namespace Promptmark.Api.Features.Skills;

internal static class DuplicateKeys
{
    /// <summary>Adds a problem for every key written more than once; <paramref name="describe"/> names its field and wording.</summary>
    public static void Report(
        FrontMatterMap map, Func<string, (string Field, string Subject)> describe, List<SkillProblem> problems)
    {
        var repeated = map.Entries
            .Where(entry => entry.Key is not null)
            .GroupBy(entry => entry.Key!, StringComparer.Ordinal)
            .Where(group => group.Count() > 1);

        foreach (var group in repeated)
        {
            var (field, subject) = describe(group.Key);
            var lines = ProblemWording.Lines(group.Select(entry => entry.Line).ToList());
            problems.Add(new SkillProblem(field, $"{subject} is given {group.Count()} times ({lines}); keep only one"));
        }
    }
}
