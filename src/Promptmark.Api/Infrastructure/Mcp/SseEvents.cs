using System.Buffers;
using System.Text.Json;

namespace Promptmark.Api.Infrastructure.Mcp;

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
