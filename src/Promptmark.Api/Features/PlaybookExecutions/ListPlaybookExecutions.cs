using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Marten.Linq;
using Promptmark.Api.Features.Playbooks;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.PlaybookExecutions;

[Description("List executions for a playbook with pagination.")]
public sealed record ListPlaybookExecutions : PrivateInput, ISlice<ExecutionPage>, IValidated
{
    public const int MaxPageSize = 50;

    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/playbooks/{playbook_id}/executions")
        .AsTool("list_playbook_executions", "List a playbook's executions", ToolHints.Reads)
        .Described("The runs of one of your playbooks, newest first, with status and totals (get_playbook_execution has the steps)");

    [Required, Description("The playbook ID to list executions for")]
    public string PlaybookId { get; init; } = "";

    [Description("Page number (1-indexed, default 1)")]
    public int? Page { get; init; }

    [Description("Results per page (default 20, max 50)")]
    public int? PageSize { get; init; }

    public void Validate(InputErrors errors) => PageNumbers.Validate(Page, PageSize, MaxPageSize, errors);
}

public static class ListPlaybookExecutionsHandler
{
    public static async Task<ExecutionPage> Handle(ListPlaybookExecutions query, IQuerySession session, CancellationToken ct)
    {
        var playbook = await session.LoadOwnedPlaybookAsync(query.PlaybookId, ct);
        var (page, size, skip) = PageNumbers.Resolve(query.Page, query.PageSize);
        var found = await session.Query<PlaybookExecution>().Stats(out var stats).Where(e => e.PlaybookId == playbook.Id)
            .OrderByDescending(e => e.CreatedAt).Skip(skip).Take(size).ToListAsync(ct);
        return new ExecutionPage(found.Select(ExecutionSummary.Of).ToList(), stats.TotalResults, page, size);
    }
}
