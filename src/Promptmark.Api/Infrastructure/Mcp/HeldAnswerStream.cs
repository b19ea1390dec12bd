using System.Buffers;
using System.Text.Json;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>
/// The response body of one <c>POST /mcp</c> while <see cref="JsonAnswers"/> holds it: writes are kept, and each flush
/// looks at the complete SSE events kept so far. As long as they are at most one JSON-RPC response, the hold goes on
/// (nothing the client could act on has been said); anything else sends what is held to <paramref name="live"/> and
/// passes every later write through.
/// </summary>
public sealed class HeldAnswerStream(Stream live) : Stream
{
    private readonly ArrayBufferWriter<byte> _held = new(2048);
    private int _examined;
    private int _responses;
    private bool _live;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_live) live.Write(buffer);
        else _held.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        if (_live) return live.WriteAsync(buffer, ct);
        _held.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
        if (!_live && StillOneAnswerAtMost()) return;
        GoLive().GetAwaiter().GetResult();
        live.Flush();
    }

    public override async Task FlushAsync(CancellationToken ct)
    {
        if (!_live && StillOneAnswerAtMost()) return;
        await GoLive(ct);
        await live.FlushAsync(ct);
    }

    /// <summary>
    /// Sends what is still held once the transport is done: the one response as <c>application/json</c> when the answer
    /// is exactly that, else the bytes as they were written.
    /// </summary>
    public async Task ReleaseAsync(HttpResponse response, CancellationToken ct)
    {
        if (_live) return;
        if (response.ContentType?.StartsWith("text/event-stream", StringComparison.Ordinal) == true && TheOneResponse() is { } json)
        {
            response.ContentType = "application/json";
            response.ContentLength = json.Length;
            response.Headers.Remove("X-Accel-Buffering");
            await live.WriteAsync(json, ct);
            return;
        }
        if (_held.WrittenCount > 0) await live.WriteAsync(_held.WrittenMemory, ct);
    }

    private async Task GoLive(CancellationToken ct = default)
    {
        _live = true;
        if (_held.WrittenCount > 0) await live.WriteAsync(_held.WrittenMemory, ct);
        _held.Clear();
    }

    /// <summary>Examines the events completed since the last flush; false once one is not a response, or a second response came.</summary>
    private bool StillOneAnswerAtMost()
    {
        while (SseEvents.NextEnd(_held.WrittenSpan, _examined) is var end && end > 0)
        {
            if (!SseEvents.IsResponse(SseEvents.Data(_held.WrittenMemory[_examined..end])) || ++_responses > 1) return false;
            _examined = end;
        }
        return true;
    }

    /// <summary>The data of the single response event that is all that was written, or null.</summary>
    private ReadOnlyMemory<byte>? TheOneResponse()
    {
        if (!StillOneAnswerAtMost() || _responses != 1 || _examined != _held.WrittenCount) return null;
        return SseEvents.Data(_held.WrittenMemory);
    }
}

/// <summary>The little of the SSE format (<c>text/event-stream</c>) that <see cref="HeldAnswerStream"/> reads: events, their data, and whether it is a JSON-RPC response.</summary>
public static class SseEvents
{
    /// <summary>The offset just past the blank line that ends the event starting at <paramref name="start"/>, or 0 if it is not complete yet.</summary>
    public static int NextEnd(ReadOnlySpan<byte> stream, int start)
    {
        for (var i = start; i < stream.Length; i++)
        {
            if (stream[i] != (byte)'\n') continue;
            var next = i + 1 < stream.Length && stream[i + 1] == (byte)'\r' ? i + 2 : i + 1;
            if (next < stream.Length && stream[next] == (byte)'\n') return next + 1;
        }
        return 0;
    }

    /// <summary>An event's data: its <c>data:</c> lines, joined by line feeds as SSE says (one line, as MCP writes it, is not copied).</summary>
    public static ReadOnlyMemory<byte> Data(ReadOnlyMemory<byte> @event)
    {
        ReadOnlyMemory<byte>? single = null;
        ArrayBufferWriter<byte>? joined = null;
        foreach (var line in Lines(@event))
        {
            var span = line.Span;
            if (!span.StartsWith("data:"u8)) continue;
            var value = line[(span.Length > 5 && span[5] == (byte)' ' ? 6 : 5)..];
            if (single is null && joined is null)
            {
                single = value;
                continue;
            }
            joined ??= Start(single!.Value);
            joined.Write("\n"u8);
            joined.Write(value.Span);
        }
        return joined?.WrittenMemory ?? single ?? ReadOnlyMemory<byte>.Empty;
    }

    /// <summary>Whether <paramref name="json"/> is a JSON-RPC response (an id with a result or an error), not a request or notification.</summary>
    public static bool IsResponse(ReadOnlyMemory<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            bool id = false, outcome = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("method"u8)) return false;
                id |= reader.ValueTextEquals("id"u8);
                outcome |= reader.ValueTextEquals("result"u8) || reader.ValueTextEquals("error"u8);
                reader.Read();
                reader.Skip();
            }
            return id && outcome;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ArrayBufferWriter<byte> Start(ReadOnlyMemory<byte> first)
    {
        var writer = new ArrayBufferWriter<byte>(first.Length * 2);
        writer.Write(first.Span);
        return writer;
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Lines(ReadOnlyMemory<byte> text)
    {
        while (!text.IsEmpty)
        {
            var end = text.Span.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..end];
            if (!line.IsEmpty && line.Span[^1] == (byte)'\r') line = line[..^1];
            yield return line;
            text = end < 0 ? ReadOnlyMemory<byte>.Empty : text[(end + 1)..];
        }
    }
}
