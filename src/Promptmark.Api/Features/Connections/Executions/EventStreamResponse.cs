using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Promptmark.Api.Infrastructure.Json;

namespace Promptmark.Api.Features.Connections.Executions;

/// <summary>
/// Writes a channel of events to the response as Server-Sent Events, flushed as soon as the channel has nothing more
/// waiting: an event that comes alone is sent at once, a burst (the pieces of a fast model's answer) in one write.
/// </summary>
public static class EventStreamResponse
{
    /// <summary>
    /// The response starts with the first event: when the channel completes empty nothing is written, so a refusal that
    /// came before any event can still be answered as plain problem details. After the client left the rest is drained unwritten.
    /// </summary>
    public static async Task WriteEventsAsync(this HttpResponse response, ChannelReader<ServerSentEvent> events, CancellationToken ct)
    {
        if (!await events.WaitToReadAsync(CancellationToken.None)) return;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        do
        {
            while (events.TryRead(out var message))
                if (!ct.IsCancellationRequested)
                    response.BodyWriter.Write(Encoding.UTF8.GetBytes($"event: {message.Name}\ndata: {JsonSerializer.Serialize(message.Data, Wire.Options)}\n\n"));
            if (!ct.IsCancellationRequested) await response.BodyWriter.FlushAsync(ct);
        } while (await events.WaitToReadAsync(CancellationToken.None));
    }
}
