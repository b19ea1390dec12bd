using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Marten;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Features.PlaybookExecutions.Running;
using Promptmark.Api.Features.Playbooks;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;
using Wolverine;

namespace Promptmark.Api.Features.PlaybookExecutions;

[Description("Execute a playbook with given input values and AI model. Runs each step sequentially with accumulated context. Supports breakpoints to pause execution at specific steps. Returns named output variables from @output() directives and artifact_type from ## ARTIFACTS section. Requires an API key configured in Settings.")]
public sealed record ExecutePlaybook : PrivateInput, ISlice<ExecutionView>, IValidated
{
    public const int MaxBreakpoints = 100;

    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/playbooks/{playbook_id}/executions").AsTool("execute_playbook", "Execute a playbook", ToolHints.Adds with { OpenWorld = true })
        .Needs(AccessScope.Execute).Created().MayAnswer(422)
        .Described("Starts a run and answers it once it comes to rest (completed, failed, paused at a breakpoint, awaiting input), or as " +
                   "running after the configured wait (get_playbook_execution follows it). A failed step fails the run with its reason; 422 when " +
                   "the playbook does not parse or no model is named");

    [Required, Description("The playbook ID to execute")]
    public string PlaybookId { get; init; } = "";

    [Description("Key-value pairs of input variable values")]
    public JsonElement InputValues { get; init; }

    [Description("AI model ID to use (overrides playbook default)")]
    public string? ModelId { get; init; }

    [Description("Comma-separated step numbers where execution should pause (e.g. \"2,4\"). Paused executions can be resumed with resume_playbook_execution.")]
    public string? Breakpoints { get; init; }

    [RestOnly, Description("false answers at once with the run as it starts (status running) instead of when it comes to rest; " +
                           "GET /api/playbook-executions/{id}/events follows it")]
    public bool? Wait { get; init; }

    public void Validate(InputErrors errors)
    {
        errors.When(ModelId is not null && !Engines.Models.ModelId.TryParse(ModelId, out _), "model_id", $"must be {Engines.Models.ModelId.Format}");
        errors.When(BreakpointNumbers() is null, "breakpoints", $"must be up to {MaxBreakpoints} comma-separated step numbers, e.g. \"2,4\"");
    }

    public List<int>? BreakpointNumbers()
    {
        var parts = (Breakpoints ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var numbers = parts.Select(p => int.TryParse(p, out var n) && n > 0 ? n : 0).ToList();
        return numbers.Contains(0) || numbers.Count > MaxBreakpoints ? null : numbers.Distinct().Order().ToList();
    }
}

public static class ExecutePlaybookHandler
{
    public static async Task<ExecutionView> Handle(ExecutePlaybook command, IQuerySession session, IMessageBus bus, RunWaits waits, TimeProvider clock, CancellationToken ct)
    {
        var playbook = await session.LoadOwnedPlaybookAsync(command.PlaybookId, ct);
        var definition = RunStarts.DefinitionOf(playbook);
        var model = RunStarts.ModelFor(playbook, command.ModelId);
        var inputs = RunValues.ForInputs(definition.Inputs, RunValues.Read(command.InputValues, "input_values"));
        var execution = RunStarts.New(playbook, model, inputs, command.BreakpointNumbers()!, clock.GetUtcNow());
        return await waits.AfterAsync(session, bus, execution.Id, new StartPlaybookRun(execution), ct, wait: command.Wait != false);
    }
}
