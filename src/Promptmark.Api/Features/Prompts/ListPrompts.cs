using System.ComponentModel;
using Marten;
using Marten.Linq;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;
using Wolverine;

namespace Promptmark.Api.Features.Prompts;

[Description("List prompts with optional filtering.")]
public sealed record ListPrompts : PrivateInput, ISlice<PromptPage>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/prompts").AsTool("list_prompts", "List prompts").HonoursCollectionGrants()
        .Described("List your prompts, most recently updated first, with filters and paging");

    [Description("Filter by title or content")]
    public string? Search { get; init; }

    [Description("Filter by tag name")]
    public string? Tag { get; init; }

    [Description("Filter by collection ID")]
    public string? CollectionId { get; init; }

    [Description("Filter by prompt type")]
    public string? TypeId { get; init; }

    [Description("Filter templates only (true) or prompts only (false)")]
    public bool? IsTemplate { get; init; }

    [Description("Filter remixes only (true) or exclude (false)")]
    public bool? IsRemix { get; init; }

    [Description("Max results (default 50, max 100)")]
    public int? Limit { get; init; }

    [Description("Pagination offset (default 0)")]
    public int? Offset { get; init; }

    public void Validate(InputErrors errors)
    {
        Paging.Validate(Limit, Offset, errors);
        errors.When(CollectionId is { Length: > 0 } id && !Guid.TryParse(id, out _), "collection_id", "is not a collection ID");
    }
}

public static class ListPromptsHandler
{
    public static async Task<PromptPage> Handle(ListPrompts query, IDocumentSession session, Envelope envelope, CancellationToken ct)
    {
        var (limit, offset) = Paging.Resolve(query.Limit, query.Offset);
        var prompts = session.VisiblePrompts(envelope.GrantedCollections());
        if (query.Search is { Length: > 0 } search)
            prompts = prompts.Where(p => p.Title.Contains(search, StringComparison.OrdinalIgnoreCase) || p.Content.Contains(search, StringComparison.OrdinalIgnoreCase));
        if (query.Tag is { Length: > 0 } tag)
        {
            var key = tag.Trim().ToLowerInvariant();
            prompts = prompts.Where(p => p.TagKeys.Contains(key));
        }
        if (query.CollectionId is { Length: > 0 } collection)
        {
            var collectionId = Guid.Parse(collection);
            prompts = prompts.Where(p => p.CollectionId == collectionId);
        }
        if (query.TypeId is { Length: > 0 } type) prompts = prompts.Where(p => p.TypeId == type);
        if (query.IsTemplate is { } isTemplate) prompts = prompts.Where(p => p.IsTemplate == isTemplate);
        if (query.IsRemix is true) prompts = prompts.Where(p => p.RemixedFromId != null);
        if (query.IsRemix is false) prompts = prompts.Where(p => p.RemixedFromId == null);

        var page = await prompts.Stats(out var stats).OrderByDescending(p => p.UpdatedAt).Skip(offset).Take(limit).ToListAsync(ct);
        var caller = session.CallerId();
        return new PromptPage(page.Select(p => PromptView.Of(p, caller)).ToList(), stats.TotalResults, limit, offset);
    }
}
