using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Engines.Models;

/// <summary>A request the fake provider received: what a test checks was (or was not) sent.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, JsonElement Body)
{
    public bool Streams => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True;

    /// <summary>An OpenAI chat message's text: the SDK may send it as a string or as text parts.</summary>
    public static string TextOf(JsonElement content) => content.ValueKind == JsonValueKind.String
        ? content.GetString()!
        : string.Concat(content.EnumerateArray().Select(part => part.GetProperty("text").GetString()));
}

/// <summary>
/// What the fake provider answers to the next chat request: text, a tool call, or an error with an optional
/// Retry-After. A chat request with nothing scripted is answered 500, so a test never passes by accident.
/// </summary>
public abstract record ScriptedReply
{
    public sealed record Text(string Content, int InputTokens, int OutputTokens) : ScriptedReply;

    /// <param name="Id">The call's id; a model that calls again in one turn gives each call its own.</param>
    /// <param name="Preamble">Text the model writes before it calls.</param>
    public sealed record ToolCall(string Name, string ArgumentsJson, int InputTokens, int OutputTokens, string Id = "call_1", string? Preamble = null) : ScriptedReply;

    public sealed record Failure(int Status, string Message, int? RetryAfterSeconds = null) : ScriptedReply;

    /// <summary>
    /// Streams the first <paramref name="PiecesBefore"/> pieces of <paramref name="Then"/>, then the rest only once
    /// <paramref name="Release"/> completes: text a test sees arrive while the call is still under way.
    /// </summary>
    public sealed record Paced(Text Then, int PiecesBefore, Task Release) : ScriptedReply;

    /// <summary>Answers <paramref name="Then"/> only once <paramref name="Release"/> completes: a call still under way when a test acts.</summary>
    public sealed record Held(Task Release, ScriptedReply Then) : ScriptedReply;
}

/// <summary>
/// The shared half of the two fake providers: a loopback server that records every request, answers the model list
/// and checks the key the same way the real services do, and hands chat requests to the wire format of its subclass.
/// </summary>
public abstract class ScriptedModelServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedReply> _script = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private LoopbackListener? _listener;

    /// <param name="apiKey">The only key the server accepts; null accepts any (a local server).</param>
    protected ScriptedModelServer(string? apiKey) => ApiKey = apiKey;

    public string? ApiKey { get; }

    public List<string> Models { get; } = ["model-a", "model-b"];

    public IReadOnlyCollection<ReceivedRequest> Requests => _requests;

    public int Port => _listener!.Port;

    /// <summary>The base URL the SDK is given.</summary>
    public abstract Uri BaseUrl { get; }

    public ScriptedModelServer Reply(ScriptedReply reply)
    {
        _script.Enqueue(reply);
        return this;
    }

    protected async Task ListenAsync() => _listener = await LoopbackListener.StartAsync(AnswerAsync);

    /// <summary>The key the request carried, in whichever header this protocol uses.</summary>
    protected abstract string? KeyOf(HttpRequest request);

    protected abstract bool IsModelList(HttpRequest request);

    protected abstract bool IsChat(HttpRequest request);

    protected abstract Task WriteModelsAsync(HttpResponse response);

    protected abstract Task WriteReplyAsync(HttpResponse response, ScriptedReply reply, ReceivedRequest request);

    protected abstract Task WriteErrorAsync(HttpResponse response, int status, string message);

    private async Task AnswerAsync(HttpContext context)
    {
        var request = await RecordAsync(context.Request);
        var response = context.Response;
        if (ApiKey is not null && KeyOf(context.Request) != ApiKey)
            // Real providers quote (part of) a refused key back; quoting all of it proves we never pass it on.
            await WriteErrorAsync(response, StatusCodes.Status401Unauthorized, $"Incorrect API key provided: {KeyOf(context.Request)}");
        else if (IsModelList(context.Request))
            await WriteModelsAsync(response);
        else if (!IsChat(context.Request))
            await WriteErrorAsync(response, StatusCodes.Status404NotFound, $"no route {request.Method} {request.Path}");
        else if (!_script.TryDequeue(out var reply))
            await WriteErrorAsync(response, StatusCodes.Status500InternalServerError, "nothing scripted for this request");
        else if (reply is ScriptedReply.Held held)
        {
            await held.Release.WaitAsync(context.RequestAborted);
            await WriteReplyAsync(response, held.Then, request);
        }
        else if (reply is ScriptedReply.Failure failure)
        {
            if (failure.RetryAfterSeconds is { } seconds) response.Headers.RetryAfter = seconds.ToString();
            await WriteErrorAsync(response, failure.Status, failure.Message);
        }
        else
            await WriteReplyAsync(response, reply, request);
    }

    private async Task<ReceivedRequest> RecordAsync(HttpRequest request)
    {
        var body = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0
            ? (await JsonDocument.ParseAsync(request.Body)).RootElement.Clone()
            : default;
        var received = new ReceivedRequest(request.Method, request.Path.Value ?? "",
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body);
        _requests.Enqueue(received);
        return received;
    }

    protected static async Task WriteJsonAsync(HttpResponse response, int status, object body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(JsonSerializer.Serialize(body));
    }

    protected static void StartEventStream(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
    }

    /// <summary>Splits a call's arguments in two, as a stream sends them in pieces a client must join.</summary>
    protected static IEnumerable<string> Halves(string json) => [json[..(json.Length / 2)], json[(json.Length / 2)..]];

    /// <summary>Splits text into the pieces a stream sends, one word (with its space) at a time.</summary>
    protected static IEnumerable<string> Pieces(string text) => text.Split(' ').Select((word, i) => i == 0 ? word : " " + word);

    public async ValueTask DisposeAsync()
    {
        if (_listener is not null) await _listener.DisposeAsync();
    }
}
