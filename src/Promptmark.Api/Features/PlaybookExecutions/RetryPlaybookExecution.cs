using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.PlaybookExecutions.Running;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;
using Wolverine;

namespace Promptmark.Api.Features.PlaybookExecutions;

[Description("Retry a failed playbook execution from the step that failed (a Promptmark extension beyond the playbook spec): the completed steps keep their outputs and are not run or paid again.")]
public sealed record RetryPlaybookExecution : PrivateInput, ISlice<ExecutionView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/playbook-executions/{execution_id}/retry").Needs(AccessScope.Execute).MayAnswer(409)
        .Described("Extension beyond the spec: runs the failed step again (its failed record is replaced) and goes on, answering like " +
                   "execute_playbook; 409 when the execution is not failed");

    [Required, Description("The failed execution ID to retry")]
    public string ExecutionId { get; init; } = "";

    [Description("false answers at once with the run as it goes on (status running) instead of when it comes to rest; " +
                 "GET /api/playbook-executions/{id}/events follows it")]
    public bool? Wait { get; init; }
}

public static class RetryPlaybookExecutionHandler
{
    public static async Task<ExecutionView> Handle(RetryPlaybookExecution command, IQuerySession session, IMessageBus bus, RunWaits waits, CancellationToken ct)
    {
        var execution = await session.LoadOwnedExecutionAsync(command.ExecutionId, ct);
        return await waits.AfterAsync(session, bus, execution.Id, new RetryPlaybookRun(execution.Id), ct, wait: command.Wait != false);
    }
}
