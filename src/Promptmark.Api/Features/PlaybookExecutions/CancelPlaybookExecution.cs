using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Engines.Playbooks.Execution;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.PlaybookExecutions;

[Description("Cancel a running, paused or awaiting playbook execution: no further step runs.")]
public sealed record CancelPlaybookExecution : PrivateInput, ISlice<ExecutionView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/playbook-executions/{execution_id}/cancel").Needs(AccessScope.Execute).MayAnswer(409)
        .Described("Stops the run where it stands; a step under way finishes but its result is not kept. 409 when the run is already over");

    [Required, Description("The execution ID to cancel")]
    public string ExecutionId { get; init; } = "";
}

public static class CancelPlaybookExecutionHandler
{
    public static async Task<ExecutionView> Handle(CancelPlaybookExecution command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var execution = await session.LoadOwnedExecutionAsync(command.ExecutionId, ct);
        if (RunStatus.Over(execution.Status)) throw new ConflictException($"the execution is already {execution.Status}");
        execution.Run.Status = RunStatus.Cancelled;
        execution.Run.StoppedAt = null;
        execution.Touch(clock.GetUtcNow());
        session.Store(execution);
        return ExecutionView.Of(execution);
    }
}
