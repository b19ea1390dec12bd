using System.ComponentModel;
using System.Text.Json;
using Marten;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Json;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Prompts;

[Description("Search prompts by title, tags, or visibility.")]
public sealed record SearchPrompts : PrivateInput, ISlice<PromptPage>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/prompts/search").AsTool("search_prompts", "Search prompts")
        .Described("Full-text search over title, content and notes, best matches first (web-search syntax: \"quoted phrases\", -excluded, or)");

    [Description("Search term for title and notes")]
    public string? Query { get; init; }

    [WireType("array"), Description("Filter by tags (must match ALL)")]
    public StringList? Tags { get; init; }

    [Description("Filter by visibility")]
    public bool? IsPublic { get; init; }

    [Description("Max results (default 50)")]
    public int? Limit { get; init; }

    public void Validate(InputErrors errors) => Paging.Validate(Limit, 0, errors);
}

/// <summary>
/// Ranking needs ts_rank, which LINQ cannot express, so this is SQL; it filters on the caller's tenant itself
/// (raw SQL gets no automatic tenant filter). Title weighs more than content, content more than notes.
/// </summary>
public static class SearchPromptsHandler
{
    private const string Document = "setweight(to_tsvector('english', coalesce(data->>'Title', '')), 'A') || " +
                                    "setweight(to_tsvector('english', coalesce(data->>'Content', '')), 'B') || " +
                                    "setweight(to_tsvector('english', coalesce(data->>'Notes', '')), 'C')";

    public static async Task<PromptPage> Handle(SearchPrompts query, IDocumentSession session, CancellationToken ct)
    {
        var limit = query.Limit ?? Paging.DefaultLimit;
        var text = query.Query?.Trim() ?? "";
        var tagKeys = JsonSerializer.Serialize((query.Tags ?? StringList.Empty).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0));
        var table = session.DocumentStore.Options.Schema.For<Prompt>();
        var visibility = query.IsPublic switch { true => "and (data->>'IsPublic')::boolean", false => "and not (data->>'IsPublic')::boolean", _ => "" };
        var rank = text.Length > 0 ? $"ts_rank({Document}, websearch_to_tsquery('english', ?)) desc," : "";
        var match = text.Length > 0 ? $"and ({Document}) @@ websearch_to_tsquery('english', ?)" : "";
        var sql = $"""
            select data from {table}
            where tenant_id = ? and mt_deleted = false and data->'TagKeys' @> ?::jsonb {visibility} {match}
            order by {rank} data->>'UpdatedAt' desc
            limit {limit}
            """;
        object[] parameters = text.Length > 0 ? [session.TenantId, tagKeys, text, text] : [session.TenantId, tagKeys];
        var found = await session.QueryAsync<Prompt>(sql, ct, parameters);
        var caller = session.CallerId();
        return new PromptPage(found.Select(p => PromptView.Of(p, caller)).ToList(), found.Count, limit, 0);
    }
}
