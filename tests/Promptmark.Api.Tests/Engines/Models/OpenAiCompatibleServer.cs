using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Promptmark.Api.Tests.Engines.Models;

/// <summary>
/// A fake OpenAI-compatible server (what Ollama, vLLM and OpenAI itself speak): <c>GET /v1/models</c> and
/// <c>POST /v1/chat/completions</c>, plain or streamed as server-sent events ending in <c>data: [DONE]</c>, with usage.
/// </summary>
public class OpenAiCompatibleServer : ScriptedModelServer
{
    protected OpenAiCompatibleServer(string? apiKey) : base(apiKey) { }

    public static async Task<OpenAiCompatibleServer> StartAsync(string? apiKey = null)
    {
        var server = new OpenAiCompatibleServer(apiKey);
        await server.ListenAsync();
        return server;
    }

    public override Uri BaseUrl => new($"http://127.0.0.1:{Port}/v1");

    protected override string? KeyOf(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;

    protected override bool IsModelList(HttpRequest request) => HttpMethods.IsGet(request.Method) && request.Path == "/v1/models";

    protected override bool IsChat(HttpRequest request) => HttpMethods.IsPost(request.Method) && request.Path == "/v1/chat/completions";

    protected override Task WriteModelsAsync(HttpResponse response) => WriteJsonAsync(response, 200, new
    {
        @object = "list",
        data = Models.Select(id => new { id, @object = "model", created = 1_700_000_000, owned_by = "test" }),
    });

    protected override Task WriteErrorAsync(HttpResponse response, int status, string message) =>
        WriteJsonAsync(response, status, new { error = new { message, type = status == 429 ? "rate_limit_exceeded" : "invalid_request_error", code = (string?)null } });

    protected override Task WriteReplyAsync(HttpResponse response, ScriptedReply reply, ReceivedRequest request) => (reply, request.Streams) switch
    {
        (ScriptedReply.Text text, true) => StreamTextAsync(response, text, Model(request)),
        (ScriptedReply.Paced paced, true) => StreamTextAsync(response, paced.Then, Model(request), paced),
        (ScriptedReply.Text text, false) => WriteJsonAsync(response, 200, Completion(Model(request), new { role = "assistant", content = text.Content }, "stop", text.InputTokens, text.OutputTokens)),
        (ScriptedReply.ToolCall call, true) => StreamToolCallAsync(response, call, Model(request)),
        (ScriptedReply.ToolCall call, false) => WriteJsonAsync(response, 200, Completion(Model(request), new
        {
            role = "assistant",
            content = call.Preamble,
            tool_calls = new[] { new { id = call.Id, type = "function", function = new { name = call.Name, arguments = call.ArgumentsJson } } },
        }, "tool_calls", call.InputTokens, call.OutputTokens)),
        _ => WriteErrorAsync(response, 500, $"the fake server cannot answer {reply} as a stream"),
    };

    private static async Task StreamTextAsync(HttpResponse response, ScriptedReply.Text text, string model, ScriptedReply.Paced? pace = null)
    {
        StartEventStream(response);
        await StreamContentAsync(response, text.Content, model, pace);
        await EndStreamAsync(response, model, "stop", text.InputTokens, text.OutputTokens);
    }

    /// <summary>The call's id and name come first, then its arguments in pieces, each piece naming the call by index.</summary>
    private static async Task StreamToolCallAsync(HttpResponse response, ScriptedReply.ToolCall call, string model)
    {
        StartEventStream(response);
        if (call.Preamble is { } preamble) await StreamContentAsync(response, preamble, model);
        await SendAsync(response, Chunk(model, [new
        {
            index = 0,
            delta = new { tool_calls = new[] { new { index = 0, id = call.Id, type = "function", function = new { name = call.Name, arguments = "" } } } },
            finish_reason = (string?)null,
        }], null));
        foreach (var piece in Halves(call.ArgumentsJson))
            await SendAsync(response, Chunk(model, [new
            {
                index = 0, delta = new { tool_calls = new[] { new { index = 0, function = new { arguments = piece } } } }, finish_reason = (string?)null,
            }], null));
        await EndStreamAsync(response, model, "tool_calls", call.InputTokens, call.OutputTokens);
    }

    private static async Task StreamContentAsync(HttpResponse response, string content, string model, ScriptedReply.Paced? pace = null)
    {
        foreach (var (piece, index) in Pieces(content).Select((piece, index) => (piece, index)))
        {
            if (pace is not null && index == pace.PiecesBefore)
            {
                await response.Body.FlushAsync(response.HttpContext.RequestAborted);
                await pace.Release.WaitAsync(response.HttpContext.RequestAborted);
            }
            await SendAsync(response, Chunk(model, [new { index = 0, delta = new { content = piece }, finish_reason = (string?)null }], null));
        }
    }

    private static async Task EndStreamAsync(HttpResponse response, string model, string finishReason, int input, int output)
    {
        await SendAsync(response, Chunk(model, [new { index = 0, delta = new { }, finish_reason = finishReason }], null));
        // Sent when the client asks with stream_options.include_usage, as the OpenAI SDK does.
        await SendAsync(response, Chunk(model, [], Usage(input, output)));
        await response.WriteAsync("data: [DONE]\n\n");
    }

    private static Task SendAsync(HttpResponse response, object chunk) => response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n");

    private static object Chunk(string model, object[] choices, object? usage) =>
        new { id = "chatcmpl-1", @object = "chat.completion.chunk", created = 1_700_000_000, model, choices, usage };

    private static object Completion(string model, object message, string finishReason, int input, int output) => new
    {
        id = "chatcmpl-1",
        @object = "chat.completion",
        created = 1_700_000_000,
        model,
        choices = new[] { new { index = 0, message, finish_reason = finishReason } },
        usage = Usage(input, output),
    };

    private static object Usage(int input, int output) => new { prompt_tokens = input, completion_tokens = output, total_tokens = input + output };

    private static string Model(ReceivedRequest request) => request.Body.GetProperty("model").GetString()!;
}
