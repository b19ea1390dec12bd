using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Promptmark.Bench;

/// <summary>
/// A local model server speaking OpenAI's streamed chat completions: it answers every chat request at once with a few
/// text chunks, the usage chunk and <c>data: [DONE]</c>, so the time to its first token is the floor to compare against.
/// </summary>
public sealed class StreamingModelServer : IAsyncDisposable
{
    private static readonly string[] Pieces = ["The", " tide", " turns", " at", " noon."];
    private readonly WebApplication _app;

    private StreamingModelServer(WebApplication app, Uri baseUrl) => (_app, BaseUrl) = (app, baseUrl);

    /// <summary>The OpenAI-compatible base URL (ending in <c>/v1</c>).</summary>
    public Uri BaseUrl { get; }

    public static async Task<StreamingModelServer> StartAsync()
    {
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add($"http://127.0.0.1:{port}");
        app.MapPost("/v1/chat/completions", StreamAsync);
        await app.StartAsync();
        return new StreamingModelServer(app, new Uri($"http://127.0.0.1:{port}/v1"));
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

    private static string Chunk(string choices, string usage) =>
        $$"""data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"model-a","choices":{{choices}},"usage":{{usage}}}""" + "\n\n";

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
