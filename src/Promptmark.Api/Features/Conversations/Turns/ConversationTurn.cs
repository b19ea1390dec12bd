using System.Text.Json;
using Marten;
using Microsoft.Extensions.AI;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Features.Connections.Executions;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Features.Conversations.Tools;
using Promptmark.Api.Features.Providers;
using Promptmark.Api.Features.Scans;
using Promptmark.Api.Features.Skills;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Conversations.Turns;

/// <summary>
/// The tool loop's host for one send or one approval: every model answer and every tool result becomes a message
/// (stored together when the turn ends, or not at all), each call is held to its tool's approval policy, remote tools run
/// through the Connections executor (audited, bounded in time), and every result passes the content scan before the
/// model reads it.
/// </summary>
internal sealed class ConversationTurn(
    TurnRunner runner, IDocumentSession session, Conversation conversation, OpenedModel model, OfferedTools offered, DateTimeOffset? last, TurnStream? stream)
    : IToolLoopHost
{
    private readonly List<ConversationMessage> _touched = [];
    private readonly TurnAuthorization _authorization = new(runner, session, conversation, stream);
    private readonly TurnElicitation _elicitation = new(runner, session, conversation, stream);
    private DateTimeOffset? _last = last;

    /// <summary>The assistant message whose calls are being handled.</summary>
    public ConversationMessage? Answering { get; private set; }

    /// <summary>The call the turn paused at, if it did.</summary>
    public string? PausedAt { get; private set; }

    /// <summary>The messages this turn created or changed, in order.</summary>
    public IReadOnlyList<ConversationMessage> Touched => _touched;

    public int Added { get; private set; }

    public DateTimeOffset Last => _last ?? runner.Clock.GetUtcNow();

    public ConversationMessage Add(string role, string content) => Add(new ConversationMessage { Role = role, Content = content });

    /// <summary>Picks up a paused answer: the person's decision on <paramref name="callId"/> lets its calls go on.</summary>
    public IReadOnlyList<FunctionCallContent> Resume(ConversationMessage paused, string callId, string decision)
    {
        Answering = paused;
        _touched.Add(paused);
        var call = paused.ToolCalls!.Single(c => c.CallId == callId);
        call.Decision = decision;
        call.Status = ToolCallStatus.Pending;
        return paused.ToolCalls!.Where(c => c.Status != ToolCallStatus.Done).Select(c => c.ToContent()).ToList();
    }

    public async Task AnsweredAsync(ChatResponse response, TimeSpan latency, CancellationToken ct)
    {
        var cost = await runner.Models.RecordAsync(session, model, response.Usage, ct);
        var calls = ToolLoop.CallsOf(response);
        Answering = Add(new ConversationMessage
        {
            Role = ConversationRoles.Assistant, Content = response.Text, ModelId = model.Id.ToString(),
            InputTokens = cost.InputTokens, OutputTokens = cost.OutputTokens, CostUsd = cost.CostUsd, LatencyMs = (long)latency.TotalMilliseconds,
            ToolCalls = calls.Count == 0 ? null : calls.Select(Resolve).ToList(),
        });
        stream?.Usage(new TurnUsage(model.Id.ToString(), cost.InputTokens, cost.OutputTokens, cost.CostUsd));
        foreach (var call in Answering.ToolCalls ?? []) stream?.ToolCall(call);
    }

    public async Task<FunctionResultContent?> RunAsync(FunctionCallContent content, CancellationToken ct)
    {
        var call = CallOf(content);
        if (call.ToolName == OfferedTools.LoadSkill && call.ConnectionId is null) return await LoadSkillAsync(call, ct);
        var tool = conversation.Tools.FirstOrDefault(t => !t.IsNative && t.ConnectionId == call.ConnectionId && t.ToolName == call.ToolName);
        return (tool?.Approval, call.Decision) switch
        {
            (null, _) => Finish(call, ToolOutcomes.Refused, $"No tool named {call.Name} is attached to this conversation."),
            // A denial stands even if the policy changed while the turn waited.
            (_, ToolDecisions.Denied) => Finish(call, ToolOutcomes.Denied, "The user denied this call."),
            (ToolApproval.Never, _) => Finish(call, ToolOutcomes.Refused, "Promptmark refused this call: the user does not allow this tool to run."),
            (ToolApproval.Ask, null) => Pause(call),
            _ => await RunRemoteAsync(call, tool!, ct),
        };
    }

    public FunctionResultContent NotRun(FunctionCallContent content, string reason) => Finish(CallOf(content), ToolOutcomes.NotRun, reason);

    private FunctionResultContent? Pause(MessageToolCall call)
    {
        call.Status = ToolCallStatus.AwaitingApproval;
        PausedAt = call.CallId;
        return null;
    }

    private async Task<FunctionResultContent> RunRemoteAsync(MessageToolCall call, AttachedTool tool, CancellationToken ct)
    {
        try
        {
            var request = new ExecuteMcpTool { ConnectionId = tool.ConnectionId!.Value.ToString(), ToolName = tool.ToolName, Arguments = JsonDocument.Parse(call.Arguments).RootElement.Clone() };
            var prepared = await WithinToolTimeout(limit => runner.Executor.PrepareAsync(session, request, limit), ct);
            var result = await RunAsync(call, prepared, ct);
            // civic:rest-auth: the hub answers "authorize first" until the user has; continue_job then resumes the call.
            for (var step = 1; RestAuthRequest.In(result.Result) is { } authorization; step++)
            {
                if (step > runner.MaxChainedAuthorizations)
                    return Finish(call, ToolOutcomes.Failed, $"The tool asked for more than {runner.MaxChainedAuthorizations} authorizations in a row, so Promptmark gave up the call.", result.ExecutionId);
                if (await _authorization.AwaitAsync(call, prepared.Server, authorization, step, ct) is { } failure)
                    return Finish(call, ToolOutcomes.Failed, failure, result.ExecutionId);
                result = await RunAsync(call, prepared with { ToolName = RestAuthRequest.ContinueTool, Arguments = authorization.ContinueArguments() }, ct);
            }
            return Finish(call, result.IsError ? ToolOutcomes.ToolError : ToolOutcomes.Ran, ExecutionOutput.AsText(result.Result), result.ExecutionId);
        }
        catch (SliceException failure)
        {
            return Finish(call, ToolOutcomes.Failed, failure.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Finish(call, ToolOutcomes.Failed, $"The tool did not answer within {runner.ToolTimeout.TotalSeconds:N0} s.");
        }
    }

    /// <summary>The tool's time does not run while the user answers its question, which has a bound of its own.</summary>
    private async Task<ToolExecutionResult> RunAsync(MessageToolCall call, PreparedCall prepared, CancellationToken ct)
    {
        using var limit = new PausableTimeLimit(runner.ToolTimeout, ct);
        return await runner.Executor.RunAsync(prepared, ExecutionVia.Conversation, progress: null,
            (request, server) => limit.PausedWhile(() => _elicitation.AnswerAsync(call, request, ct, server)), limit.Token);
    }

    /// <summary>Each remote step gets the tool timeout of its own; a wait for the user's authorization has its own bound.</summary>
    private async Task<T> WithinToolTimeout<T>(Func<CancellationToken, Task<T>> step, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(runner.ToolTimeout);
        return await step(limit.Token);
    }

    private async Task<FunctionResultContent> LoadSkillAsync(MessageToolCall call, CancellationToken ct)
    {
        var name = JsonDocument.Parse(call.Arguments).RootElement is { ValueKind: JsonValueKind.Object } arguments
                   && arguments.TryGetProperty("name", out var given) && given.ValueKind == JsonValueKind.String ? given.GetString()! : "";
        return await session.FindOfferedAsync(name, ct) is { } skill
            ? Finish(call, ToolOutcomes.Ran, skill.Content)
            : Finish(call, ToolOutcomes.Refused, $"No skill named '{name}': use a name from the catalog in the system prompt.");
    }

    /// <summary>Ends a call: its result becomes a tool message, scanned before the model is shown it.</summary>
    private FunctionResultContent Finish(MessageToolCall call, string outcome, string text, Guid? executionId = null)
    {
        call.Status = ToolCallStatus.Done;
        var findings = ContentScanner.Scan("result", text).ToList();
        var result = Add(new ConversationMessage
        {
            Role = ConversationRoles.Tool, Content = text, ToolCallId = call.CallId, ToolName = call.ToolName ?? call.Name,
            Outcome = outcome, ExecutionId = executionId, Findings = findings,
        });
        stream?.ToolResult(MessageView.Of(result));
        return new FunctionResultContent(call.CallId, ToolResultText.ForModel(text, findings));
    }

    private MessageToolCall Resolve(FunctionCallContent call)
    {
        var offer = offered.Named(call.Name);
        return new MessageToolCall
        {
            CallId = call.CallId, Name = call.Name,
            ConnectionId = offer?.Attached?.ConnectionId, ToolName = offer is null ? null : offer.Attached?.ToolName ?? OfferedTools.LoadSkill,
            Arguments = JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions),
        };
    }

    private MessageToolCall CallOf(FunctionCallContent content) => Answering!.ToolCalls!.First(c => c.CallId == content.CallId);

    /// <summary>Stamps a new message so that it sorts after every earlier one, even when the clock has not moved.</summary>
    private ConversationMessage Add(ConversationMessage message)
    {
        var now = runner.Clock.GetUtcNow();
        message.Id = Guid.CreateVersion7();
        message.ConversationId = conversation.Id;
        message.CreatedAt = _last is { } previous && now <= previous.AddMilliseconds(1) ? previous.AddMilliseconds(1) : now;
        _last = message.CreatedAt;
        _touched.Add(message);
        Added++;
        return message;
    }
}
