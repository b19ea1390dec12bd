using ModelContextProtocol;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>
/// Passes on progress only while it rises and only until the call has ended. The SDK client handles each incoming
/// message on its own task, so notifications can reach it out of order or after the result.
/// </summary>
internal sealed class OrderedProgress(IProgress<ProgressNotificationValue> inner) : IProgress<ProgressNotificationValue>
{
    private readonly Lock gate = new();
    private float? last;
    private bool ended;

    public void Report(ProgressNotificationValue value)
    {
        lock (gate)
        {
            // The spec requires progress to increase with each notification, so a lower value is a stale one.
            if (ended || value.Progress <= last)
                return;
            last = value.Progress;
            inner.Report(value);
        }
    }

    public void End()
    {
        lock (gate)
            ended = true;
    }
}
