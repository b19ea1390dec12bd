using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.PostHog;

/// <summary>One request PostHog's capture API received: <c>POST /batch/</c> with the project key and the events.</summary>
public sealed record CapturedBatch(string ApiKey, IReadOnlyList<JsonElement> Events, int AnsweredStatus);

/// <summary>
/// A stand-in for PostHog's capture endpoint on 127.0.0.1, speaking its wire format: <c>POST /batch/</c> with a JSON body
/// <c>{"api_key": "phc_…", "batch": [{"event", "distinct_id", "timestamp", "properties"}]}</c>, answered
/// <c>{"status": 1}</c>. Scripted statuses answer the next requests first; <see cref="Hang"/> makes every request wait
/// until the server is disposed.
/// </summary>
public sealed class PostHogCaptureServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly ConcurrentQueue<CapturedBatch> _batches = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackListener _listener = null!;
    private int _received;

    public Uri Host => new($"http://127.0.0.1:{_listener.Port}");

    public IReadOnlyCollection<CapturedBatch> Batches => _batches;

    /// <summary>Requests that reached the server, answered or not.</summary>
    public int Received => _received;

    public bool Hang { get; set; }

    public IEnumerable<JsonElement> Events => _batches.Where(b => b.AnsweredStatus == 200).SelectMany(b => b.Events);

    public PostHogCaptureServer AnswerNext(int status)
    {
        _statuses.Enqueue(status);
        return this;
    }

    public static async Task<PostHogCaptureServer> StartAsync()
    {
        var server = new PostHogCaptureServer();
        server._listener = await LoopbackListener.StartAsync(server.AnswerAsync);
        return server;
    }

    private async Task AnswerAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.Path != "/batch/")
        {
            http.Response.StatusCode = 404;
            return;
        }
        Interlocked.Increment(ref _received);
        if (Hang) await _released.Task.WaitAsync(http.RequestAborted);
        var body = await JsonDocument.ParseAsync(http.Request.Body);
        var status = _statuses.TryDequeue(out var scripted) ? scripted : 200;
        _batches.Enqueue(new CapturedBatch(body.RootElement.GetProperty("api_key").GetString()!,
            body.RootElement.GetProperty("batch").EnumerateArray().Select(e => e.Clone()).ToList(), status));
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(status == 200 ? new { status = 1 } : (object)new { type = "server_error", detail = "scripted failure" });
    }

    public async ValueTask DisposeAsync()
    {
        _released.TrySetResult();
        await _listener.DisposeAsync();
    }
}
