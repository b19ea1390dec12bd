using System.Text.Json;
using Marten;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Promptmark.Api.Engines.Playbooks.Execution;
using Promptmark.Api.Features.PlaybookExecutions;
using Promptmark.Api.Features.PlaybookExecutions.Running;
using Promptmark.Api.Features.Playbooks;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Json;
using Promptmark.Api.Infrastructure.Slices;
using Wolverine;

namespace Promptmark.Api.Features.McpPlaybooks;

/// <summary>
/// A call of one of the caller's exposed playbooks: the arguments are its input values (checked against <c>## INPUTS</c>),
/// the run uses the playbook's default model. In sync mode the call waits for the run like execute_playbook does and
/// answers the run (structured) with its artifact or outputs as text; in inbound mode it answers the queued run at once.
/// </summary>
public static class PlaybookToolCall
{
    public static async Task<CallToolResult> CallAsync(Playbook playbook, RequestContext<CallToolRequestParams> request, IDocumentSession session, CancellationToken ct)
    {
        try
        {
            AccessScope.Require(request.User ?? new(), AccessScope.Execute);
            var run = await RunAsync(playbook, request.Params?.Arguments, session, request.Services!, ct);
            return new CallToolResult
            {
                Content = [new TextContentBlock { Text = Text(run) }],
                StructuredContent = JsonSerializer.SerializeToElement(run, Wire.Options),
            };
        }
        catch (SliceException failure)
        {
            return McpErrors.Result(failure);
        }
    }

    private static async Task<ExecutionView> RunAsync(
        Playbook playbook, IDictionary<string, JsonElement>? arguments, IDocumentSession session, IServiceProvider services, CancellationToken ct)
    {
        var given = (arguments ?? new Dictionary<string, JsonElement>()).ToDictionary(a => a.Key, a => a.Value.ValueKind == JsonValueKind.String ? a.Value.GetString()! : a.Value.GetRawText());
        var (values, problems) = RunValues.Check(RunStarts.DefinitionOf(playbook).Inputs, given);
        if (problems.Count > 0) throw new InvalidInputException(problems.ToDictionary(p => p.Key, p => new[] { p.Value }));
        var execution = RunStarts.New(playbook, RunStarts.ModelFor(playbook, null), values, [], services.GetRequiredService<TimeProvider>().GetUtcNow());
        var bus = services.GetRequiredService<IMessageBus>();
        if (playbook.ToolMode == PlaybookToolModes.Sync)
            return await services.GetRequiredService<RunWaits>().AfterAsync(session, bus, execution.Id, new StartPlaybookRun(execution), ct);
        await bus.InvokeForTenantAsync(session.TenantId, new StartPlaybookRun(execution), ct);
        return ExecutionView.Of(execution);
    }

    /// <summary>What a model reads: the artifact of a completed run, else where the run stands and how to follow it.</summary>
    private static string Text(ExecutionView run) => run switch
    {
        { Status: RunStatus.Completed, Artifact: { Content.Length: > 0 } artifact } => artifact.Content,
        { Status: RunStatus.Completed } => JsonSerializer.Serialize(run.Outputs, Wire.Options),
        { Status: RunStatus.Failed } => $"Execution {run.Id} failed: {run.Error}",
        _ => $"Execution {run.Id} is {run.Status}: follow it with get_playbook_execution (execution_id \"{run.Id}\").",
    };
}
