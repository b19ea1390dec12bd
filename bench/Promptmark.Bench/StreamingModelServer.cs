using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Promptmark.Bench;

/// <summary>
/// A local model server speaking OpenAI's chat completions: it answers every chat request at once, a streamed one with a
/// few text chunks, the usage chunk and <c>data: [DONE]</c>, any other with one whole completion, so its time is the
/// floor to compare against. <see cref="HandlingTime"/> adds up the time it spent answering. Started with tool calls per
/// turn, it answers a request that offers tools with a call to <c>echo</c> until the request holds that many tool results.
/// </summary>
public sealed class StreamingModelServer : IAsyncDisposable
{
    private static readonly string[] Pieces = ["The", " tide", " turns", " at", " noon."];
    private readonly WebApplication _app;
    private readonly int _toolCallsPerTurn;
    private long _handlingTicks;

    private StreamingModelServer(WebApplication app, Uri baseUrl, int toolCallsPerTurn) => (_app, BaseUrl, _toolCallsPerTurn) = (app, baseUrl, toolCallsPerTurn);

    /// <summary>The OpenAI-compatible base URL (ending in <c>/v1</c>).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The time spent in its handler, from the request read to the answer written, over all requests so far.</summary>
    public TimeSpan HandlingTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _handlingTicks));

    /// <param name="toolCallsPerTurn">How many times a turn that offers tools is asked to call <c>echo</c> before it is answered.</param>
    public static async Task<StreamingModelServer> StartAsync(int toolCallsPerTurn = 0)
    {
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add($"http://127.0.0.1:{port}");
        var server = new StreamingModelServer(app, new Uri($"http://127.0.0.1:{port}/v1"), toolCallsPerTurn);
        app.MapPost("/v1/chat/completions", server.AnswerAsync);
        await app.StartAsync();
        return server;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        if (body.RootElement.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True) await StreamAsync(context);
        else
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(WantsToolCall(body.RootElement) ? EchoCall : Completion, context.RequestAborted);
        }
        Interlocked.Add(ref _handlingTicks, Stopwatch.GetTimestamp() - started);
    }

    private static async Task StreamAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        foreach (var piece in Pieces)
        {
            await response.WriteAsync(Chunk($$"""[{"index":0,"delta":{"content":"{{piece}}"},"finish_reason":null}]""", "null"));
            await response.Body.FlushAsync();
        }
        await response.WriteAsync(Chunk("""[{"index":0,"delta":{},"finish_reason":"stop"}]""", "null"));
        await response.WriteAsync(Chunk("[]", """{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}"""));
        await response.WriteAsync("data: [DONE]\n\n");
    }

    private bool WantsToolCall(JsonElement request) =>
        request.TryGetProperty("tools", out _)
        && request.GetProperty("messages").EnumerateArray().Count(m => m.GetProperty("role").GetString() == "tool") < _toolCallsPerTurn;

    private static readonly string EchoCall =
        """{"id":"chatcmpl-2","object":"chat.completion","created":1700000000,"model":"model-a","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"echo","arguments":"{\"message\":\"hello\"}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}""";

    private static readonly string Completion =
        $$$"""{"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"model-a","choices":[{"index":0,"message":{"role":"assistant","content":"{{{string.Concat(Pieces)}}}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}""";

    private static string Chunk(string choices, string usage) =>
        $$"""data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"model-a","choices":{{choices}},"usage":{{usage}}}""" + "\n\n";

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
