using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Promptmark.Api.Infrastructure.Auth;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>
/// Answers a plain <c>tools/call</c> (<see cref="ToolCallMessage"/>) of an <see cref="IDirectTool"/> on a session this
/// instance runs by calling the tool here, as <c>application/json</c>. The MCP SDK would pass the request through a
/// channel to the session's message loop, its filters and a second thread-pool hop back, and write the result as a JSON
/// node in an SSE event that <see cref="JsonAnswers"/> then unwraps: about a third of a tool call's processor time in the
/// bench's MCP split. The tool and its request context are the SDK's own types, the answer is written as the SDK writes
/// a <see cref="CallToolResult"/> (from a <see cref="DirectToolAnswer"/>), and a failure is answered as the SDK answers it.
/// Anything else goes to the SDK unchanged: other methods and tools, a request with <c>_meta</c>, a session this instance
/// does not run or that another user started, another protocol version than the session's, and other <c>Mcp-*</c>
/// headers (<see cref="HeadersAgree"/>).
/// </summary>
/// <remarks>
/// What a direct call goes without: the SDK's per-request log lines, activity and metrics, and cancellation by a
/// <c>notifications/cancelled</c> message (the call still ends when the client drops the request). The session's idle
/// clock is the SDK's, so a session used only through here can be closed as idle; its next request then resumes it
/// (<see cref="McpSessionMigration"/>).
/// </remarks>
public static class DirectToolCalls
{
    private const string SessionHeader = "Mcp-Session-Id";
    private const string VersionHeader = "MCP-Protocol-Version";

    private static readonly JsonTypeInfo<CallToolResult> ResultInfo =
        (JsonTypeInfo<CallToolResult>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult));
    private static readonly JsonWriterOptions Writing = new() { Encoder = McpJsonUtilities.DefaultOptions.Encoder };

    public static IApplicationBuilder UseMcpDirectToolCalls(this IApplicationBuilder app) =>
        app.UseWhen(http => ProtectedResource.IsMcpPost(http.Request), branch => branch.Use(AnswerOrPassAsync));

    private static async Task AnswerOrPassAsync(HttpContext http, RequestDelegate next)
    {
        if (SessionOf(http) is not { } server || await McpRequestBody.ReadJsonAsync(http.Request) is not { } body)
        {
            await next(http);
            return;
        }
        using (body)
        {
            if (ToolCallMessage.Read(body) is { } call && HeadersAgree(http.Request, call.Params.Name)
                && server.ServerOptions.ToolCollection?.TryGetPrimitive(call.Params.Name, out var tool) == true && tool is IDirectTool)
            {
                await AnswerAsync(http, server, call, tool);
                return;
            }
        }
        await next(http);
    }

    private static McpServer? SessionOf(HttpContext http)
    {
        var request = http.Request;
        if (http.User.FindUserId() is not { } userId) return null;
        if (request.Headers[SessionHeader] is not [{ } sessionId] || http.RequestServices.GetRequiredService<McpSessions>().Find(sessionId, userId) is not { } server) return null;
        var version = request.Headers[VersionHeader].ToString();
        if (version.Length > 0 && version != server.NegotiatedProtocolVersion) return null;
        var accept = request.Headers.Accept.ToString();
        if (!accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) || !accept.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase)) return null;
        return server;
    }

    /// <summary>
    /// Whether every <c>Mcp-*</c> header is one a direct call can honour: the session, its version, and the method and
    /// name headers newer clients repeat from the body, when they repeat it exactly.
    /// </summary>
    private static bool HeadersAgree(HttpRequest request, string tool)
    {
        foreach (var (name, value) in request.Headers)
        {
            if (!name.StartsWith("Mcp-", StringComparison.OrdinalIgnoreCase)) continue;
            var agrees = name.ToLowerInvariant() switch
            {
                "mcp-session-id" or "mcp-protocol-version" => true,
                "mcp-method" => value == RequestMethods.ToolsCall,
                "mcp-name" => value == tool,
                _ => false,
            };
            if (!agrees) return false;
        }
        return true;
    }

    private static async Task AnswerAsync(HttpContext http, McpServer server, ToolCallMessage call, McpServerTool tool)
    {
        var context = new RequestContext<CallToolRequestParams>(server, new JsonRpcRequest { Id = call.RequestId, Method = RequestMethods.ToolsCall }, call.Params)
        {
            Services = http.RequestServices,
            User = http.User,
            MatchedPrimitive = tool,
        };
        DirectToolAnswer answer;
        try
        {
            answer = await ((IDirectTool)tool).AnswerAsync(context, http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (McpProtocolException refused)
        {
            await WriteAsync(http, server, call, writer =>
            {
                writer.WriteStartObject("error");
                writer.WriteNumber("code", (int)refused.ErrorCode);
                writer.WriteString("message", refused.Message);
                writer.WriteEndObject();
            });
            return;
        }
        catch (Exception failure)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DirectToolCalls))
                .LogError(failure, "MCP tool {Tool} failed", call.Params.Name);
            answer = DirectToolAnswer.Of(FailedCall(call.Params.Name, failure));
        }
        await WriteAsync(http, server, call, writer => WriteResult(writer, answer));
    }

    /// <summary>The result as the SDK writes a <see cref="CallToolResult"/>, the structured JSON copied as it is.</summary>
    private static void WriteResult(Utf8JsonWriter writer, DirectToolAnswer answer)
    {
        writer.WritePropertyName("result");
        if (answer.Structured is not { } structured)
        {
            JsonSerializer.Serialize(writer, answer.Built!, ResultInfo);
            return;
        }
        writer.WriteStartObject();
        writer.WriteStartArray("content");
        writer.WriteStartObject();
        writer.WriteString("type", "text");
        if (answer.Text is { } text) writer.WriteString("text", text);
        else writer.WriteString("text", structured);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WritePropertyName("structuredContent");
        writer.WriteRawValue(structured, skipInputValidation: true);
        writer.WriteEndObject();
    }

    /// <summary>The result the SDK gives for a tool that threw: the message only when it is meant for the client.</summary>
    private static CallToolResult FailedCall(string tool, Exception failure) => new()
    {
        IsError = true,
        Content = [new TextContentBlock
        {
            Text = failure is McpException ? $"An error occurred invoking '{tool}': {failure.Message}" : $"An error occurred invoking '{tool}'.",
        }],
    };

    private static async Task WriteAsync(HttpContext http, McpServer server, ToolCallMessage call, Action<Utf8JsonWriter> outcome)
    {
        var json = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(json, Writing))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("id");
            call.Id.WriteTo(writer);
            outcome(writer);
            writer.WriteEndObject();
        }
        var response = http.Response;
        response.ContentType = "application/json";
        response.ContentLength = json.WrittenCount;
        response.Headers.CacheControl = "no-cache,no-store";
        response.Headers[SessionHeader] = server.SessionId;
        await response.Body.WriteAsync(json.WrittenMemory, http.RequestAborted);
    }
}
