using System.Threading.Channels;
using ModelContextProtocol;

namespace Promptmark.Api.Features.Connections.Executions;

/// <summary>An event of the tool stream: <c>progress</c> and <c>elicitation</c>, then one <c>result</c> or <c>error</c>.</summary>
public sealed record ServerSentEvent(string Name, object Data);

public sealed record ProgressEvent(float Progress, float? Total, string? Message);

/// <summary>
/// The events waiting to be written to a tool stream. A server may send progress faster than the client reads it:
/// progress only rises and the latest is what matters, so past <see cref="Backlog"/> waiting events the oldest is
/// dropped. Adding never blocks, so the MCP client's receive loop (and with it the tool call) is never held up.
/// </summary>
public sealed class StreamEvents
{
    public const int Backlog = 16;

    private readonly Channel<ServerSentEvent> events = Channel.CreateBounded<ServerSentEvent>(
        new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public StreamEvents() => Progress = new ProgressSink(events.Writer);

    public IProgress<ProgressNotificationValue> Progress { get; }

    public ChannelReader<ServerSentEvent> Reader => events.Reader;

    /// <summary>The remote tool asks the person (see <see cref="ToolQuestion"/>); the call waits for the answer.</summary>
    public void Question(ToolQuestion question) => events.Writer.TryWrite(new ServerSentEvent("elicitation", question));

    /// <summary>The last event: it can only push out progress, and nothing is added after it.</summary>
    public void End(string name, object data)
    {
        events.Writer.TryWrite(new ServerSentEvent(name, data));
        events.Writer.TryComplete();
    }

    public void Complete() => events.Writer.TryComplete();

    private sealed class ProgressSink(ChannelWriter<ServerSentEvent> events) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) =>
            events.TryWrite(new ServerSentEvent("progress", new ProgressEvent(value.Progress, value.Total, value.Message)));
    }
}
