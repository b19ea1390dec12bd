using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Marten;
using Promptmark.Api.Features.PlaybookExecutions.Running;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;
using Wolverine;

namespace Promptmark.Api.Features.PlaybookExecutions;

[Description("Resume a paused playbook execution from the next step after a breakpoint. Optionally override input variables before continuing. The execution must be in paused status from a previous execute_playbook or resume_playbook_execution call.")]
public sealed record ResumePlaybookExecution : PrivateInput, ISlice<ExecutionView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/playbook-executions/{execution_id}/resume")
        .AsTool("resume_playbook_execution", "Resume a paused playbook execution", ToolHints.Adds with { OpenWorld = true }).Needs(AccessScope.Execute).MayAnswer(409)
        .Described("Goes on from the step after the breakpoint (an override replaces an input's or a named output's value) and answers like " +
                   "execute_playbook; 409 when the execution is not paused");

    [Required, Description("The paused execution ID to resume")]
    public string ExecutionId { get; init; } = "";

    [Description("Optional variable overrides to apply before resuming")]
    public JsonElement Variables { get; init; }
}

public static class ResumePlaybookExecutionHandler
{
    public static async Task<ExecutionView> Handle(ResumePlaybookExecution command, IQuerySession session, IMessageBus bus, RunWaits waits, CancellationToken ct)
    {
        var execution = await session.LoadOwnedExecutionAsync(command.ExecutionId, ct);
        return await waits.AfterAsync(session, bus, execution.Id, new ResumePlaybookRun(execution.Id, RunValues.Read(command.Variables, "variables")), ct);
    }
}
