using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections.Remote;

/// <summary>
/// A Streamable HTTP MCP server on 127.0.0.1 that answers <c>initialize</c> in the revision it is given and answers every
/// <c>tools/call</c> the resumable way: the POST's event stream sends an event id and a <c>retry</c> field, then closes
/// before the result; a GET carrying <c>Last-Event-ID</c> receives the result.
/// </summary>
public sealed class ResumingServer : IAsyncDisposable
{
    public const string ResultText = "resumed";
    /// <summary>The id of the one event the POST's stream sends before it closes.</summary>
    public const string PrimingEventId = "call-primed";
    private const string SessionId = "resuming-session";

    private readonly string protocolVersion;
    private LoopbackListener listener = null!;
    private JsonNode? pendingCallId;

    private ResumingServer(string protocolVersion) => this.protocolVersion = protocolVersion;

    public int Port => listener.Port;

    public Uri Url => listener.Url;

    /// <summary>The protocol version of each <c>initialize</c> received, in order.</summary>
    public ConcurrentQueue<string> RequestedVersions { get; } = new();

    /// <summary>The <c>Last-Event-ID</c> of each GET received.</summary>
    public ConcurrentQueue<string> ResumedFrom { get; } = new();

    public static async Task<ResumingServer> StartAsync(string protocolVersion)
    {
        var server = new ResumingServer(protocolVersion);
        server.listener = await LoopbackListener.StartAsync(server.AnswerAsync);
        return server;
    }

    public ValueTask DisposeAsync() => listener.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        context.Response.Headers["Mcp-Session-Id"] = SessionId;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await ResumeAsync(context);
            return;
        }
        if (!HttpMethods.IsPost(context.Request.Method))
            return;

        var message = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!;
        var id = message["id"]?.DeepClone();
        if (id is null)
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }
        switch ((string?)message["method"])
        {
            case "initialize":
                RequestedVersions.Enqueue((string)message["params"]!["protocolVersion"]!);
                await context.Response.WriteAsJsonAsync(Reply(id, new JsonObject
                {
                    ["protocolVersion"] = protocolVersion,
                    ["capabilities"] = new JsonObject { ["tools"] = new JsonObject() },
                    ["serverInfo"] = new JsonObject { ["name"] = "resuming-server", ["version"] = "1.0.0" },
                }));
                break;
            case "tools/call":
                pendingCallId = id;
                context.Response.ContentType = "text/event-stream";
                await context.Response.WriteAsync($"id: {PrimingEventId}\nretry: 20\ndata: \n\n");
                break;
            default:
                await context.Response.WriteAsJsonAsync(Reply(id, new JsonObject()));
                break;
        }
    }

    private async Task ResumeAsync(HttpContext context)
    {
        if (!context.Request.Headers.ContainsKey("Last-Event-ID"))
        {
            // The client's standalone stream: this server offers none, as the specification allows.
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        ResumedFrom.Enqueue(context.Request.Headers["Last-Event-ID"].ToString());
        context.Response.ContentType = "text/event-stream";
        var result = new JsonObject { ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = ResultText }) };
        await context.Response.WriteAsync($"id: call-answered\ndata: {Reply(pendingCallId, result).ToJsonString()}\n\n");
    }

    private static JsonObject Reply(JsonNode? id, JsonObject result) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["result"] = result };
}
