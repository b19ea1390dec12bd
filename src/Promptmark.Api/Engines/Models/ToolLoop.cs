using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace Promptmark.Api.Engines.Models;

/// <summary>What the loop asks of whoever drives it: to record each answer, and to run (or refuse, or hold) each tool call.</summary>
public interface IToolLoopHost
{
    /// <summary>The model answered; called before any of the answer's tool calls runs.</summary>
    Task AnsweredAsync(ChatResponse response, TimeSpan latency, CancellationToken ct);

    /// <returns>The result the model is shown, or null to pause the loop at this call (it waits for a person's decision).</returns>
    Task<FunctionResultContent?> RunAsync(FunctionCallContent call, CancellationToken ct);

    /// <summary>A call of the last answer the limit allows: it is not run, and the model would be told so.</summary>
    FunctionResultContent NotRun(FunctionCallContent call, string reason);
}

/// <param name="Iterations">The model calls made for this message so far, across pauses.</param>
public sealed record ToolLoopEnd(ToolLoopOutcome Outcome, int Iterations);

/// <summary>Who watches a loop as it runs: each piece of the model's text, as the provider streams it.</summary>
public interface IToolLoopStream
{
    void Text(string delta);
}

public enum ToolLoopOutcome
{
    /// <summary>The model answered without calling a tool.</summary>
    Answered,

    /// <summary>A call waits for approval; resume with the calls not yet run.</summary>
    Paused,

    /// <summary>The model was still calling tools when the iteration limit was reached.</summary>
    IterationLimit,
}

/// <summary>
/// The model↔tool loop, driven by hand around <see cref="IChatClient.GetResponseAsync"/> (or its streaming twin when a
/// <see cref="IToolLoopStream"/> watches) rather than by
/// FunctionInvokingChatClient: every call must pass through the host (approval, execution audit, content scan) and the
/// loop must be able to stop at a call and resume later in another request.
/// </summary>
/// <param name="maxIterations">Model calls per message: the answer of the last one gets its tool calls refused, not run.</param>
/// <param name="stream">When given, each model call streams and its text is passed on as it arrives.</param>
public sealed class ToolLoop(IChatClient model, ChatOptions options, int maxIterations, IToolLoopStream? stream = null)
{
    public Task<ToolLoopEnd> RunAsync(List<ChatMessage> context, IToolLoopHost host, CancellationToken ct) =>
        ResumeAsync(context, [], 0, host, ct);

    /// <summary>Runs <paramref name="pendingCalls"/> (the rest of a paused answer's calls), then asks the model again.</summary>
    public async Task<ToolLoopEnd> ResumeAsync(
        List<ChatMessage> context, IReadOnlyList<FunctionCallContent> pendingCalls, int iterations, IToolLoopHost host, CancellationToken ct)
    {
        var calls = pendingCalls;
        while (true)
        {
            foreach (var call in calls)
            {
                if (await host.RunAsync(call, ct) is not { } result) return new ToolLoopEnd(ToolLoopOutcome.Paused, iterations);
                context.Add(new ChatMessage(ChatRole.Tool, [result]));
            }

            var started = Stopwatch.GetTimestamp();
            var response = await AskAsync(context, ct);
            iterations++;
            context.AddMessages(response);
            await host.AnsweredAsync(response, Stopwatch.GetElapsedTime(started), ct);

            calls = CallsOf(response);
            if (calls.Count == 0) return new ToolLoopEnd(ToolLoopOutcome.Answered, iterations);
            if (iterations >= maxIterations)
            {
                var reason = $"not run: the limit of {maxIterations} model calls for one message was reached";
                context.AddRange(calls.Select(call => new ChatMessage(ChatRole.Tool, [host.NotRun(call, reason)])));
                return new ToolLoopEnd(ToolLoopOutcome.IterationLimit, iterations);
            }
        }
    }

    private async Task<ChatResponse> AskAsync(List<ChatMessage> context, CancellationToken ct)
    {
        if (stream is null) return await model.GetResponseAsync(context, options, ct);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in model.GetStreamingResponseAsync(context, options, ct))
        {
            updates.Add(update);
            if (update.Text is { Length: > 0 } text) stream.Text(text);
        }
        return updates.ToChatResponse();
    }

    public static IReadOnlyList<FunctionCallContent> CallsOf(ChatResponse response) =>
        response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
}
