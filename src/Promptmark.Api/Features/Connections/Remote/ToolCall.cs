using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>
/// One tools/call with a request id of our own, so that giving up can be told to the server: over Streamable HTTP the
/// SDK client sends no notifications/cancelled for a request whose response stream is still open, it only drops the
/// HTTP request, and a stateful server keeps the tool running.
/// </summary>
internal static class ToolCall
{
    private static readonly TimeSpan CancellationNoticeTimeout = TimeSpan.FromSeconds(5);

    public static async Task<CallToolResult> RunAsync(
        McpClient client,
        string toolName,
        IReadOnlyDictionary<string, JsonElement> arguments,
        IProgress<ProgressNotificationValue>? progress,
        CancellationToken cancellationToken)
    {
        var id = $"promptmark-{Guid.NewGuid():N}";
        var requestId = new RequestId(id);
        var progressToken = new ProgressToken(id);
        var orderedProgress = progress is null ? null : new OrderedProgress(progress);
        var parameters = new CallToolRequestParams
        {
            Name = toolName,
            Arguments = arguments.ToDictionary(),
            Meta = orderedProgress is null ? null : new JsonObject { ["progressToken"] = id },
        };

        // A caller that wants no progress registers no handler: every registration is a locked list edit on the shared session.
        await using var progressHandler = orderedProgress is null ? null : client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (notification, _) =>
        {
            if (notification.Params.Deserialize<ProgressNotificationParams>(McpJsonUtilities.DefaultOptions) is { } update
                && update.ProgressToken == progressToken)
            {
                orderedProgress.Report(update.Progress);
            }
            return ValueTask.CompletedTask;
        });
        try
        {
            return await client.SendRequestAsync<CallToolRequestParams, CallToolResult>(
                RequestMethods.ToolsCall, parameters, McpJsonUtilities.DefaultOptions, requestId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Not awaited: the caller is owed a prompt return, and the notice is a courtesy the server may miss.
            _ = NotifyCancelledAsync(client, requestId);
            throw;
        }
        finally
        {
            orderedProgress?.End();
        }
    }

    private static async Task NotifyCancelledAsync(McpClient client, RequestId requestId)
    {
        using var limit = new CancellationTokenSource(CancellationNoticeTimeout);
        try
        {
            await client.SendNotificationAsync(
                NotificationMethods.CancelledNotification,
                new CancelledNotificationParams { RequestId = requestId, Reason = "The caller cancelled the call." },
                McpJsonUtilities.DefaultOptions,
                limit.Token);
        }
        catch (Exception)
        {
            // The session may be gone or closing; the server then drops the request with it.
        }
    }
}
