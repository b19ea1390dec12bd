using System.Diagnostics;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.AI;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Engines.Playbooks.Execution;
using Promptmark.Api.Features.Connections;
using Promptmark.Api.Features.Connections.Executions;
using Promptmark.Api.Features.PlaybookExecutions.Progress;
using Promptmark.Api.Features.Providers;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.PlaybookExecutions.Running;

/// <summary>
/// Hosts one move of a run for its owner: model calls through the providers area (budgets, spend, PostHog, all in the
/// step's transaction, so a step is paid once for the state it commits), <c>@tool</c> through the Connections executor
/// (checked against the tool's schema and audited as <c>via: playbook</c>), <c>@prompt</c> from the prompt library or a
/// connection's server. A model's answer is streamed: each piece of text goes to the run's progress streams on this server
/// as it comes (<see cref="RunSignals.Publish"/>), and the whole answer, with the usage the stream reports, is the step's.
/// </summary>
/// <param name="models">The caller's model settings, read with the run.</param>
internal sealed class RunHost(StepServices services, IDocumentSession session, Guid executionId, string modelId, ModelOpening models) : IStepHost
{
    /// <summary>The spec's reference default (spec/execution.md, "AI Provider Interface").</summary>
    private const int MaxOutputTokens = 16_384;

    public async Task<ModelAnswer> AskAsync(string label, string system, string prompt, CancellationToken ct)
    {
        var model = await Refusals(() => models.OpenAsync(modelId));
        List<ChatMessage> messages = system.Length > 0 ? [new(ChatRole.System, system), new(ChatRole.User, prompt)] : [new(ChatRole.User, prompt)];
        var started = Stopwatch.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await StreamAsync(model.Client, label, messages, ct);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            throw new StepFailedException(ProviderFailure.From(model.Id.Provider, failure)?.Message
                                          ?? $"the call to {model.Id.Provider} failed ({failure.GetType().Name})");
        }
        var latency = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var cost = await services.Models.RecordAsync(session, model, response.Usage, ct);
        return new ModelAnswer(response.Text, model.Id.ToString(), cost.InputTokens, cost.OutputTokens, cost.CostUsd, latency);
    }

    private async Task<ChatResponse> StreamAsync(IChatClient client, string label, List<ChatMessage> messages, CancellationToken ct)
    {
        var updates = new List<ChatResponseUpdate>();
        var written = 0;
        await foreach (var update in client.GetStreamingResponseAsync(messages, new ChatOptions { MaxOutputTokens = MaxOutputTokens }, ct))
        {
            updates.Add(update);
            if (update.Text is not { Length: > 0 } text) continue;
            services.Signals.Publish(new StepDelta(executionId, label, written, text));
            written += text.Length;
        }
        return updates.ToChatResponse();
    }

    public async Task<ToolAnswer> CallToolAsync(string connectionName, string toolName, string? argumentsJson, CancellationToken ct)
    {
        var connection = await session.FindConnectionByNameAsync(connectionName, ct)
                         ?? throw new StepFailedException($"no connection named \"{connectionName}\"");
        JsonElement? arguments;
        try
        {
            arguments = argumentsJson is null ? null : JsonDocument.Parse(argumentsJson).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new StepFailedException($"the arguments of @tool({connectionName}, {toolName}) are not JSON once their variables are filled in");
        }
        var request = new ExecuteMcpTool { ConnectionId = connection.Id.ToString(), ToolName = toolName, Arguments = arguments };
        var prepared = await Refusals(() => services.Tools.PrepareAsync(session, request, ct));
        var result = await Refusals(() => services.Tools.RunAsync(prepared, ExecutionVia.Playbook, progress: null, ct));
        var text = ExecutionOutput.AsText(result.Result);
        return result.IsError ? throw new StepFailedException(text) : new ToolAnswer(text, result.ExecutionId, result.LatencyMs);
    }

    public async Task<ResolvedPrompt> ResolvePromptAsync(string scheme, string identifier, IReadOnlyDictionary<string, string> variables, CancellationToken ct)
    {
        var ignored = $"@prompt({scheme}:{identifier}) was ignored: ";
        switch (scheme)
        {
            case "library":
                try
                {
                    var prompt = await session.LoadReadablePromptAsync(identifier, ct);
                    var values = variables.ToDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value));
                    return new ResolvedPrompt(services.Templates.Render(prompt, values, "its variables are not all given").Text, null);
                }
                catch (SliceException refused)
                {
                    return ResolvedPrompt.Unavailable(ignored + refused.Message);
                }
            case "mcp":
                return await RemotePrompts.ResolveAsync(services, session, identifier, ignored, ct);
            default:
                return ResolvedPrompt.Unavailable(ignored + "a playbook in the library has no folder to read files from");
        }
    }

    private static async Task<T> Refusals<T>(Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (SliceException refused)
        {
            throw new StepFailedException(refused.Message);
        }
    }
}
