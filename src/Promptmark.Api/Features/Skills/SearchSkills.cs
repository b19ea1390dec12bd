using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Skills;

[Description("Search skills by name, title, or description substring. Thin wrapper over list_skills that requires a query.")]
public sealed record SearchSkills : PrivateInput, ISlice<SkillPage>, ISkillQuery, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/skills/search").AsTool("search_skills", "Search skills");

    [Required, Description("Search query (max 200 chars)")]
    public string Query { get; init; } = "";

    [Description("Page number (1-indexed, default 1)")]
    public int? Page { get; init; }

    [Description("Results per page (default 20, max 100)")]
    public int? PageSize { get; init; }

    public void Validate(InputErrors errors)
    {
        errors.When(Query.Length > 200, "query", "must be at most 200 characters");
        SkillQuery.Validate(this, errors);
    }
}

public static class SearchSkillsHandler
{
    public static Task<SkillPage> Handle(SearchSkills query, IDocumentSession session, CancellationToken ct) =>
        SkillQuery.RunAsync(query.Query, query, session, ct);
}
