using System.ComponentModel;
using Marten;
using Marten.Linq;
using Promptmark.Api.Infrastructure.Json;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Playbooks;

[Description("List playbooks with optional search, tag filtering, and pagination.")]
public sealed record ListPlaybooks : PrivateInput, ISlice<PlaybookPage>, IValidated
{
    public const int MaxPageSize = 100;

    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/playbooks").AsTool("list_playbooks", "List playbooks")
        .Described("Your playbooks, most recently updated first; every listed tag must be on a playbook for it to match");

    [Description("Search playbooks by title")]
    public string? Search { get; init; }

    [Description("JSON array of tags to filter by")]
    public StringList? Tags { get; init; }

    [Description("Page number (1-indexed, default 1)")]
    public int? Page { get; init; }

    [Description("Results per page (default 20, max 100)")]
    public int? PageSize { get; init; }

    public void Validate(InputErrors errors) => PageNumbers.Validate(Page, PageSize, MaxPageSize, errors);
}

public static class ListPlaybooksHandler
{
    public static async Task<PlaybookPage> Handle(ListPlaybooks query, IDocumentSession session, CancellationToken ct)
    {
        var (page, size, skip) = PageNumbers.Resolve(query.Page, query.PageSize);
        IQueryable<Playbook> playbooks = session.Query<Playbook>();
        if (query.Search is { Length: > 0 } search) playbooks = playbooks.Where(p => p.Title.Contains(search, StringComparison.OrdinalIgnoreCase));
        foreach (var key in ((IEnumerable<string>?)query.Tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct())
            playbooks = playbooks.Where(p => p.TagKeys.Contains(key));
        var found = await playbooks.Stats(out var stats).OrderByDescending(p => p.UpdatedAt).Skip(skip).Take(size).ToListAsync(ct);
        return new PlaybookPage(found.Select(p => PlaybookView.Of(p, withDefinition: false)).ToList(), stats.TotalResults, page, size);
    }
}
