namespace Promptmark.Api.Features.Scans;

/// <summary>
/// One field can match tens of thousands of times (200 KB of zero-width characters is 66,667 findings), which no one
/// reads and every response would carry. Each category lists its first <see cref="PerCategory"/> findings of a field,
/// then one <see cref="Rule"/> finding that says how many more there were; the cap is per category so that a flood of
/// one kind cannot hide a finding of another.
/// </summary>
internal static class FindingCap
{
    public const int PerCategory = 50;
    public const string Rule = "more-findings-cut";

    /// <summary>The detections to list, in their order, and per category what was cut.</summary>
    public static (List<Detection> Listed, List<CutFindings> Cut) Apply(List<Detection> detections)
    {
        var listedPerCategory = new Dictionary<string, int>();
        var cut = new Dictionary<string, CutFindings>();
        var listed = new List<Detection>(Math.Min(detections.Count, PerCategory * ScanCategories.All.Count));
        foreach (var detection in detections)
        {
            var count = listedPerCategory.GetValueOrDefault(detection.Category);
            if (count < PerCategory)
            {
                listedPerCategory[detection.Category] = count + 1;
                listed.Add(detection);
            }
            else
                cut[detection.Category] = cut.TryGetValue(detection.Category, out var sofar)
                    ? sofar with { Count = sofar.Count + 1, End = detection.End }
                    : new CutFindings(detection.Category, 1, detection.Start, detection.End);
        }
        return (listed, cut.Values.OrderBy(c => c.Start).ToList());
    }
}

/// <summary>The findings of one category left out of a field's list: how many, and the stretch of text they lie in.</summary>
internal sealed record CutFindings(string Category, int Count, int Start, int End)
{
    public ScanFinding ToFinding(string field) =>
        new(Category, FindingCap.Rule, field, Start, End - Start,
            $"{Count} more {Category} findings in this field were cut: only the first {FindingCap.PerCategory} are listed");
}
