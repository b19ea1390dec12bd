using System.Text.Json;
using System.Threading.Channels;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Features.Connections.Executions;
using Promptmark.Api.Infrastructure.Json;

namespace Promptmark.Api.Features.Conversations.Turns;

/// <summary>A piece of the model's answer, in the order it was written.</summary>
public sealed record TextDelta(string Delta);

/// <summary>What one model call of the turn used and cost.</summary>
public sealed record TurnUsage(string ModelId, long InputTokens, long OutputTokens, decimal CostUsd);

/// <summary>
/// The events of a streamed turn as they happen: <c>text</c>, <c>tool_call</c>, <c>authorization</c>, <c>elicitation</c>, <c>tool_result</c> and <c>usage</c>,
/// then one <c>done</c> or <c>error</c>. Unbounded, so no text piece is dropped and a slow reader never holds up the
/// model call; each event is serialized when it happens, so a call shows the state it had then.
/// </summary>
public sealed class TurnStream : IToolLoopStream
{
    private readonly Channel<ServerSentEvent> _events = Channel.CreateUnbounded<ServerSentEvent>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<ServerSentEvent> Reader => _events.Reader;

    /// <summary>Whether any event was sent: until then a failure can still be answered as plain problem details.</summary>
    public bool Started { get; private set; }

    public void Text(string delta) => Add("text", new TextDelta(delta));

    internal void ToolCall(MessageToolCall call) => Add("tool_call", call);

    internal void ToolResult(MessageView result) => Add("tool_result", result);

    internal void Usage(TurnUsage usage) => Add("usage", usage);

    /// <summary>A call waits for the user to authorize a service; its <c>tool_result</c> ends the wait.</summary>
    internal void Authorization(PendingAuthorization pending) => Add("authorization", pending);

    /// <summary>A remote tool asks the user for input; the call's <c>tool_result</c> comes once it is answered or the wait ends.</summary>
    internal void Elicitation(PendingInput pending) => Add("elicitation", pending);

    /// <summary>The last event; nothing is added after it.</summary>
    public void End(string name, object data)
    {
        Add(name, data);
        Complete();
    }

    public void Complete() => _events.Writer.TryComplete();

    private void Add(string name, object data)
    {
        Started = true;
        _events.Writer.TryWrite(new ServerSentEvent(name, JsonSerializer.SerializeToElement(data, Wire.Options)));
    }
}
