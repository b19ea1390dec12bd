using System.Text.Json;
using System.Threading.Channels;
using Promptmark.Api.Infrastructure.Json;

namespace Promptmark.Api.Features.Connections.Executions;

/// <summary>Writes a channel of events to the response as Server-Sent Events, each flushed as it comes.</summary>
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
        await foreach (var message in events.ReadAllAsync(CancellationToken.None))
        {
            if (ct.IsCancellationRequested) continue;
            await response.WriteAsync($"event: {message.Name}\ndata: {JsonSerializer.Serialize(message.Data, Wire.Options)}\n\n", ct);
            await response.Body.FlushAsync(ct);
        }
    }
}
