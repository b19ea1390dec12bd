using System.ComponentModel;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Prompts;

[Description("List all unique tags across your prompts.")]
public sealed record ListTags : PrivateInput, ISlice<TagList>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/tags").AsTool("list_tags", "List tags")
        .Described("List the tags used by your prompts, most used first (counts on request)");

    [Description("Include usage count per tag (default false)")]
    public bool? IncludeCounts { get; init; }

    [Description("Max tags to return (default 100)")]
    public int? Limit { get; init; }

    public void Validate(InputErrors errors) => errors.When(Limit is < 1 or > 1000, "limit", "must be between 1 and 1000");
}

public sealed record TagUsage(string Name, int? Count);

public sealed record TagList(IReadOnlyList<TagUsage> Tags, int Total);

public static class ListTagsHandler
{
    public static async Task<TagList> Handle(ListTags query, IDocumentSession session, CancellationToken ct)
    {
        var tagLists = await session.Query<Prompt>().Select(p => p.Tags).ToListAsync(ct);
        var usage = tagLists.SelectMany(tags => tags)
            .GroupBy(tag => tag, StringComparer.OrdinalIgnoreCase)
            .Select(group => (Name: group.GroupBy(t => t).MaxBy(spelling => spelling.Count())!.Key, Count: group.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var counts = query.IncludeCounts is true;
        return new TagList(usage.Take(query.Limit ?? 100).Select(t => new TagUsage(t.Name, counts ? t.Count : null)).ToList(), usage.Count);
    }
}
