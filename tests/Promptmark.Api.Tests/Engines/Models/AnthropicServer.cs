using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Promptmark.Api.Tests.Engines.Models;

/// <summary>
/// A fake Anthropic Messages API: <c>GET /v1/models</c> and <c>POST /v1/messages</c>, plain or streamed as the events
/// message_start, content_block_start/delta/stop, message_delta (with the output usage) and message_stop.
/// </summary>
public sealed class AnthropicServer : ScriptedModelServer
{
    private AnthropicServer(string? apiKey) : base(apiKey) { }

    public static async Task<AnthropicServer> StartAsync(string? apiKey = null)
    {
        var server = new AnthropicServer(apiKey);
        await server.ListenAsync();
        return server;
    }

    public override Uri BaseUrl => new($"http://127.0.0.1:{Port}");

    protected override string? KeyOf(HttpRequest request) => request.Headers["x-api-key"].ToString() is { Length: > 0 } key
        ? key
        : request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;

    protected override bool IsModelList(HttpRequest request) => HttpMethods.IsGet(request.Method) && request.Path == "/v1/models";

    protected override bool IsChat(HttpRequest request) => HttpMethods.IsPost(request.Method) && request.Path == "/v1/messages";

    protected override Task WriteModelsAsync(HttpResponse response) => WriteJsonAsync(response, 200, new
    {
        data = Models.Select(id => new { type = "model", id, display_name = id, created_at = "2025-05-14T00:00:00Z" }),
        has_more = false,
        first_id = Models.FirstOrDefault(),
        last_id = Models.LastOrDefault(),
    });

    protected override Task WriteErrorAsync(HttpResponse response, int status, string message) =>
        WriteJsonAsync(response, status, new { type = "error", error = new { type = ErrorType(status), message } });

    protected override Task WriteReplyAsync(HttpResponse response, ScriptedReply reply, ReceivedRequest request) => (reply, request.Streams) switch
    {
        (ScriptedReply.Text text, true) => StreamTextAsync(response, text, Model(request)),
        (ScriptedReply.Text text, false) => WriteJsonAsync(response, 200,
            Message(Model(request), [new { type = "text", text = text.Content }], "end_turn", text.InputTokens, text.OutputTokens)),
        (ScriptedReply.ToolCall call, true) => StreamToolCallAsync(response, call, Model(request)),
        (ScriptedReply.ToolCall call, false) => WriteJsonAsync(response, 200, Message(Model(request),
            [.. (call.Preamble is { } preamble ? new object[] { new { type = "text", text = preamble } } : []),
             new { type = "tool_use", id = call.Id, name = call.Name, input = JsonDocument.Parse(call.ArgumentsJson).RootElement }],
            "tool_use", call.InputTokens, call.OutputTokens)),
        _ => WriteErrorAsync(response, 500, $"the fake server cannot answer {reply} as a stream"),
    };

    private static async Task StreamTextAsync(HttpResponse response, ScriptedReply.Text text, string model)
    {
        StartEventStream(response);
        await SendAsync(response, "message_start", new { type = "message_start", message = Message(model, [], null, text.InputTokens, 1) });
        await StreamTextBlockAsync(response, 0, text.Content);
        await EndStreamAsync(response, "end_turn", text.OutputTokens);
    }

    /// <summary>A tool_use block starts with the call's id and name; its input follows as pieces of JSON the client joins.</summary>
    private static async Task StreamToolCallAsync(HttpResponse response, ScriptedReply.ToolCall call, string model)
    {
        StartEventStream(response);
        await SendAsync(response, "message_start", new { type = "message_start", message = Message(model, [], null, call.InputTokens, 1) });
        var index = 0;
        if (call.Preamble is { } preamble) await StreamTextBlockAsync(response, index++, preamble);
        await SendAsync(response, "content_block_start", new
        {
            type = "content_block_start", index, content_block = new { type = "tool_use", id = call.Id, name = call.Name, input = new { } },
        });
        foreach (var piece in Halves(call.ArgumentsJson))
            await SendAsync(response, "content_block_delta", new { type = "content_block_delta", index, delta = new { type = "input_json_delta", partial_json = piece } });
        await SendAsync(response, "content_block_stop", new { type = "content_block_stop", index });
        await EndStreamAsync(response, "tool_use", call.OutputTokens);
    }

    private static async Task StreamTextBlockAsync(HttpResponse response, int index, string text)
    {
        await SendAsync(response, "content_block_start", new { type = "content_block_start", index, content_block = new { type = "text", text = "" } });
        foreach (var piece in Pieces(text))
            await SendAsync(response, "content_block_delta", new { type = "content_block_delta", index, delta = new { type = "text_delta", text = piece } });
        await SendAsync(response, "content_block_stop", new { type = "content_block_stop", index });
    }

    private static async Task EndStreamAsync(HttpResponse response, string stopReason, int outputTokens)
    {
        await SendAsync(response, "message_delta", new
        {
            type = "message_delta",
            delta = new { stop_reason = stopReason, stop_sequence = (string?)null },
            usage = new { output_tokens = outputTokens },
        });
        await SendAsync(response, "message_stop", new { type = "message_stop" });
    }

    private static Task SendAsync(HttpResponse response, string name, object data) =>
        response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data)}\n\n");

    private static object Message(string model, object[] content, string? stopReason, int input, int output) => new
    {
        id = "msg_1",
        type = "message",
        role = "assistant",
        model,
        content,
        stop_reason = stopReason,
        stop_sequence = (string?)null,
        usage = new { input_tokens = input, output_tokens = output },
    };

    private static string ErrorType(int status) => status switch
    {
        401 => "authentication_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        _ => status >= 500 ? "api_error" : "invalid_request_error",
    };

    private static string Model(ReceivedRequest request) => request.Body.GetProperty("model").GetString()!;
}
