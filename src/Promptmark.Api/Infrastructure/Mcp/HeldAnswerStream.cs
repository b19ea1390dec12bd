using System.Buffers;

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
