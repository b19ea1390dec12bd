using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Promptmark.Api.Tests.Engines.Models;

/// <summary>
/// A fake of OpenAI's Responses API, with <see cref="OpenAiCompatibleServer"/>'s model list and key check:
/// <c>POST /v1/responses</c>, plain or streamed as typed server-sent events (<c>response.created</c>, the output items with
/// <c>response.output_text.delta</c> pieces, <c>response.completed</c> with usage). When the request offers the <c>web_search</c> tool, the answer's output starts with a completed
/// <c>web_search_call</c> item, as OpenAI's does when it searched.
/// </summary>
public sealed class OpenAiResponsesServer : OpenAiCompatibleServer
{
    private OpenAiResponsesServer(string? apiKey) : base(apiKey) { }

    public static new async Task<OpenAiResponsesServer> StartAsync(string? apiKey)
    {
        var server = new OpenAiResponsesServer(apiKey);
        await server.ListenAsync();
        return server;
    }

    protected override bool IsChat(HttpRequest request) => HttpMethods.IsPost(request.Method) && request.Path == "/v1/responses";

    protected override Task WriteReplyAsync(HttpResponse response, ScriptedReply reply, ReceivedRequest request) => (reply, request.Streams) switch
    {
        (ScriptedReply.Text text, true) => StreamAsync(response, text, request),
        (ScriptedReply.Text text, false) => WriteJsonAsync(response, 200, Response(request, "completed", [.. SearchOf(request), Message(text.Content)], Usage(text))),
        _ => WriteErrorAsync(response, 500, $"the fake Responses server cannot answer {reply}"),
    };

    private static async Task StreamAsync(HttpResponse response, ScriptedReply.Text text, ReceivedRequest request)
    {
        StartEventStream(response);
        var sequence = 0;
        Task Send(string type, object fields) =>
            response.WriteAsync($"event: {type}\ndata: {JsonSerializer.Serialize(Event(type, sequence++, fields))}\n\n");

        await Send("response.created", new { response = Response(request, "in_progress", [], null) });
        var output = new List<object>();
        foreach (var search in SearchOf(request))
        {
            await Send("response.output_item.added", new { output_index = output.Count, item = search });
            await Send("response.output_item.done", new { output_index = output.Count, item = search });
            output.Add(search);
        }
        var index = output.Count;
        await Send("response.output_item.added", new { output_index = index, item = new { type = "message", id = "msg_1", status = "in_progress", role = "assistant", content = Array.Empty<object>() } });
        await Send("response.content_part.added", new { item_id = "msg_1", output_index = index, content_index = 0, part = TextPart("") });
        foreach (var piece in Pieces(text.Content))
            await Send("response.output_text.delta", new { item_id = "msg_1", output_index = index, content_index = 0, delta = piece, logprobs = Array.Empty<object>() });
        await Send("response.output_text.done", new { item_id = "msg_1", output_index = index, content_index = 0, text = text.Content, logprobs = Array.Empty<object>() });
        await Send("response.content_part.done", new { item_id = "msg_1", output_index = index, content_index = 0, part = TextPart(text.Content) });
        var message = Message(text.Content);
        await Send("response.output_item.done", new { output_index = index, item = message });
        output.Add(message);
        await Send("response.completed", new { response = Response(request, "completed", output, Usage(text)) });
    }

    private static IEnumerable<object> SearchOf(ReceivedRequest request) =>
        request.Body.TryGetProperty("tools", out var tools) && tools.EnumerateArray().Any(t => t.GetProperty("type").GetString()!.StartsWith("web_search", StringComparison.Ordinal))
            ? [new { type = "web_search_call", id = "ws_1", status = "completed", action = new { type = "search", query = "tides" } }]
            : [];

    private static Dictionary<string, object?> Event(string type, int sequence, object fields)
    {
        var body = JsonSerializer.SerializeToElement(fields).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        body["type"] = type;
        body["sequence_number"] = sequence;
        return body;
    }

    private static object Message(string text) =>
        new { type = "message", id = "msg_1", status = "completed", role = "assistant", content = new[] { TextPart(text) } };

    private static object TextPart(string text) => new { type = "output_text", text, annotations = Array.Empty<object>(), logprobs = Array.Empty<object>() };

    private static object Usage(ScriptedReply.Text text) => new
    {
        input_tokens = text.InputTokens,
        input_tokens_details = new { cached_tokens = 0 },
        output_tokens = text.OutputTokens,
        output_tokens_details = new { reasoning_tokens = 0 },
        total_tokens = text.InputTokens + text.OutputTokens,
    };

    private static object Response(ReceivedRequest request, string status, IEnumerable<object> output, object? usage) => new
    {
        id = "resp_1",
        @object = "response",
        created_at = 1_700_000_000,
        status,
        model = request.Body.GetProperty("model").GetString(),
        output,
        parallel_tool_calls = true,
        tool_choice = "auto",
        tools = request.Body.TryGetProperty("tools", out var tools) ? tools : JsonSerializer.SerializeToElement(Array.Empty<object>()),
        usage,
    };
}
