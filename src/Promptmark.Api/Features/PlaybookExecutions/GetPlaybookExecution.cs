using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.PlaybookExecutions;

[Description("Get a playbook execution by ID with all step results.")]
public sealed record GetPlaybookExecution : PrivateInput, ISlice<ExecutionView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/playbook-executions/{execution_id}")
        .AsTool("get_playbook_execution", "Get a playbook execution", ToolHints.Reads)
        .Described("One of your runs as it stands now: status, per-step results (content, tokens, cost, latency, model), named outputs, the artifact, and what a stopped run waits for");

    [Required, Description("The execution ID to retrieve")]
    public string ExecutionId { get; init; } = "";
}

public static class GetPlaybookExecutionHandler
{
    public static async Task<ExecutionView> Handle(GetPlaybookExecution query, IQuerySession session, CancellationToken ct) =>
        ExecutionView.Of(await session.LoadOwnedExecutionAsync(query.ExecutionId, ct));
}
