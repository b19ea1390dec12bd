using System.Buffers;
using System.Text.Json;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>
/// A <c>POST /mcp</c> body read ahead of the MCP server, which then reads it again from the start. It is read through the
/// request's pipe and nothing is consumed, so the server's own read finds every byte; on some servers the body stream
/// beneath that pipe has moved on once the pipe has read, so the stream is not read directly.
/// </summary>
public static class McpRequestBody
{
    /// <summary>
    /// Bodies up to this size are held in the request's pipe; larger ones go through a buffering stream, which can spill
    /// to disk. Well under Kestrel's 1 MB request buffer, which would stall a body that is examined and not consumed.
    /// </summary>
    private const int MaxHeldBytes = 64 * 1024;

    /// <summary>The body as JSON, or null when it is not; either way the MCP server reads it from its start.</summary>
    public static async Task<JsonDocument?> ReadJsonAsync(HttpRequest request)
    {
        // Buffered by an earlier read of a large body.
        if (request.Body.CanSeek) return await ParseRewoundAsync(request);
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(request.HttpContext.RequestAborted);
            var body = read.Buffer;
            // A copy, because the pipe's memory may not be touched once it is advanced.
            var whole = read.IsCompleted ? body.ToArray() : null;
            reader.AdvanceTo(body.Start, body.End);
            if (whole is not null) return Parse(whole);
            if (body.Length > MaxHeldBytes)
            {
                request.Body = reader.AsStream(leaveOpen: true);
                request.EnableBuffering();
                return await ParseRewoundAsync(request);
            }
        }
    }

    private static JsonDocument? Parse(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<JsonDocument?> ParseRewoundAsync(HttpRequest request)
    {
        try
        {
            return await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
