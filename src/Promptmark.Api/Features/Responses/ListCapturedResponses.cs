using System.ComponentModel;
using Marten;
using Marten.Linq;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Responses;

[Description("List captured responses, newest first.")]
public sealed record ListCapturedResponses : PrivateInput, ISlice<CapturedResponsePage>, IValidated
{
    public const int DefaultLimit = 20;

    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/responses").AsTool("list_captured_responses", "List captured responses")
        .Described("Your captured responses, newest first, with a 200-character preview each; filter by prompt");

    [Description("Filter by prompt ID")]
    public string? PromptId { get; init; }

    [Description("Max results (default 20, max 100)")]
    public int? Limit { get; init; }

    [Description("Pagination offset")]
    public int? Offset { get; init; }

    public void Validate(InputErrors errors) => Paging.Validate(Limit, Offset, errors);
}

public static class ListCapturedResponsesHandler
{
    public static async Task<CapturedResponsePage> Handle(ListCapturedResponses query, IDocumentSession session, CancellationToken ct)
    {
        var (limit, offset) = (query.Limit ?? ListCapturedResponses.DefaultLimit, query.Offset ?? 0);
        IQueryable<CapturedResponse> responses = session.Query<CapturedResponse>();
        if (query.PromptId is { Length: > 0 } promptId)
        {
            var prompt = await session.LoadOwnedPromptAsync(promptId, ct);
            responses = responses.Where(r => r.PromptId == prompt.Id);
        }
        var page = await responses.Stats(out var stats).OrderByDescending(r => r.CreatedAt).Skip(offset).Take(limit).ToListAsync(ct);
        return new CapturedResponsePage(page.Select(CapturedResponseSummary.Of).ToList(), stats.TotalResults, limit, offset);
    }
}
