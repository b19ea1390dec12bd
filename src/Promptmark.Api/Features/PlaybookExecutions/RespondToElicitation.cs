using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.PlaybookExecutions.Running;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;
using Wolverine;

namespace Promptmark.Api.Features.PlaybookExecutions;

[Description("Respond to an elicitation prompt in a paused playbook execution. When a step contains an @elicit() directive, execution pauses with status awaiting_input. Provide the response to resume execution from the elicitation step.")]
public sealed record RespondToElicitation : PrivateInput, ISlice<ExecutionView>, IValidated
{
    public const int MaxLength = 100_000;

    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/playbook-executions/{execution_id}/respond")
        .AsTool("respond_to_elicitation", "Respond to a playbook's question", ToolHints.Adds with { OpenWorld = true }).Needs(AccessScope.Execute).MayAnswer(409)
        .Described("Answers the step the run waits at (confirm takes yes or no, select one of its options) and goes on, answering like " +
                   "execute_playbook; 409 when the execution is not awaiting input");

    [Required, Description("The execution ID awaiting elicitation response")]
    public string ExecutionId { get; init; } = "";

    [Required, Description("The user’s response to the elicitation prompt")]
    public string Response { get; init; } = "";

    public void Validate(InputErrors errors) => errors.When(Response.Length > MaxLength, "response", $"must be at most {MaxLength:N0} characters");
}

public static class RespondToElicitationHandler
{
    public static async Task<ExecutionView> Handle(RespondToElicitation command, IQuerySession session, IMessageBus bus, RunWaits waits, CancellationToken ct)
    {
        var execution = await session.LoadOwnedExecutionAsync(command.ExecutionId, ct);
        return await waits.AfterAsync(session, bus, execution.Id, new AnswerPlaybookElicitation(execution.Id, command.Response), ct);
    }
}
