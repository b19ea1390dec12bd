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
    public const int DefaultPageSize = 20;
    public const int MaxPage = 1_000_000;

    public static void Validate(ISkillQuery query, InputErrors errors)
    {
        // Bounded so that (page - 1) * page_size stays a valid offset.
        errors.When(query.Page is < 1 or > MaxPage, "page", $"must be between 1 and {MaxPage}");
        errors.When(query.PageSize is < 1 or > 100, "page_size", "must be between 1 and 100");
    }

    public static async Task<SkillPage> RunAsync(string? search, ISkillQuery query, IDocumentSession session, CancellationToken ct)
    {
        var (page, size) = (query.Page ?? 1, query.PageSize ?? DefaultPageSize);
        IQueryable<Skill> skills = session.Query<Skill>();
        if (search?.Trim() is { Length: > 0 } text)
            skills = skills.Where(s => s.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || s.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
                || s.Description.Contains(text, StringComparison.OrdinalIgnoreCase));
        var found = await skills.Stats(out var stats).OrderByDescending(s => s.UpdatedAt).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new SkillPage(found.Select(SkillSummary.Of).ToList(), stats.TotalResults, page, size);
    }
}
