using System.ComponentModel;
using Marten;
using Marten.Linq;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Skills;

[Description("List skills with optional substring search and pagination.")]
public sealed record ListSkills : PrivateInput, ISlice<SkillPage>, ISkillQuery, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/skills").AsTool("list_skills", "List skills")
        .Described("Your skills (drafts included), most recently updated first, searchable by name, title or description");

    [Description("Search by name, title, or description")]
    public string? Search { get; init; }

    [Description("Page number (1-indexed, default 1)")]
    public int? Page { get; init; }

    [Description("Results per page (default 20, max 100)")]
    public int? PageSize { get; init; }

    public void Validate(InputErrors errors) => SkillQuery.Validate(this, errors);
}

public static class ListSkillsHandler
{
    public static Task<SkillPage> Handle(ListSkills query, IDocumentSession session, CancellationToken ct) =>
        SkillQuery.RunAsync(query.Search, query, session, ct);
}

/// <summary>Paging and substring search shared by list_skills and search_skills.</summary>
public interface ISkillQuery
{
    int? Page { get; }
    int? PageSize { get; }
}

public static class SkillQuery
{
    public const int MaxPageSize = 100;

    public static void Validate(ISkillQuery query, InputErrors errors) => PageNumbers.Validate(query.Page, query.PageSize, MaxPageSize, errors);

    public static async Task<SkillPage> RunAsync(string? search, ISkillQuery query, IDocumentSession session, CancellationToken ct)
    {
        var (page, size, skip) = PageNumbers.Resolve(query.Page, query.PageSize);
        IQueryable<Skill> skills = session.Query<Skill>();
        if (search?.Trim() is { Length: > 0 } text)
            skills = skills.Where(s => s.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || s.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
                || s.Description.Contains(text, StringComparison.OrdinalIgnoreCase));
        var found = await skills.Stats(out var stats).OrderByDescending(s => s.UpdatedAt).Skip(skip).Take(size).ToListAsync(ct);
        return new SkillPage(found.Select(SkillSummary.Of).ToList(), stats.TotalResults, page, size);
    }
}
