using System.ComponentModel;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Remixes;

[Description("List all remixes (prompts derived from other prompts). Newest first; each with its source, whose title shows only while the source is still yours or public.")]
public sealed record ListRemixes : PrivateInput, ISlice<RemixList>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/remixes").AsTool("list_remixes", "List remixes")
        .Described("Your remixes, newest first, each with its source (title only while the source is still yours or public)");

    [Description("Max results (default 50)")]
    public int? Limit { get; init; }

    public void Validate(InputErrors errors) => Paging.Validate(Limit, 0, errors);
}

/// <summary>Where a remix came from. <c>title</c> is null once the source is deleted or no longer visible to the caller.</summary>
public sealed record RemixSource(Guid Id, Guid AuthorId, string? Title, bool Available);

public sealed record Remix(PromptView Prompt, RemixSource Source);

public sealed record RemixList(IReadOnlyList<Remix> Remixes);

public static class ListRemixesHandler
{
    public static async Task<RemixList> Handle(ListRemixes query, IDocumentSession session, CancellationToken ct)
    {
        var caller = session.CallerId();
        var remixes = await session.Query<Prompt>().Where(p => p.RemixedFromId != null)
            .OrderByDescending(p => p.CreatedAt).Take(query.Limit ?? Paging.DefaultLimit).ToListAsync(ct);
        var sourceIds = remixes.Select(r => r.RemixedFromId!.Value).Distinct().ToArray();
        var visible = await session.Query<Prompt>()
            .Where(p => p.AnyTenant() && p.Id.IsOneOf(sourceIds) && (p.IsPublic || p.OwnerId == caller))
            .Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        var titles = visible.ToDictionary(s => s.Id, s => s.Title);
        return new RemixList(remixes.Select(r =>
        {
            var title = titles.GetValueOrDefault(r.RemixedFromId!.Value);
            return new Remix(PromptView.Of(r, caller), new RemixSource(r.RemixedFromId.Value, r.RemixedFromAuthorId ?? Guid.Empty, title, title is not null));
        }).ToList());
    }
}
