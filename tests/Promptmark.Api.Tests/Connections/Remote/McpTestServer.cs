using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Promptmark.Api.Tests.Connections.Remote;

/// <summary>
/// The SDK's own MCP server on 127.0.0.1, stateful, with a few tools, a paged tool list and a record of every
/// request that reached it. With <see cref="LegacySseOnly"/> the client is pointed at the legacy SSE endpoint, where a
/// Streamable HTTP POST gets 405.
/// </summary>
public sealed class McpTestServer : IAsyncDisposable
{
    public const string ServerName = "test-server";
    public const string ServerVersion = "1.2.3";
    public const int ExtraToolsPerPage = 2;
    public static readonly TimeSpan StepPause = TimeSpan.FromMilliseconds(20);
    public static readonly string[] OwnTools = ["echo", "count", "wait"];

    private WebApplication? app;
    private int initializes;

    private McpTestServer(bool legacySseOnly, int toolPages, bool cursorNeverEnds)
    {
        LegacySseOnly = legacySseOnly;
        ToolPages = toolPages;
        CursorNeverEnds = cursorNeverEnds;
    }

    public bool LegacySseOnly { get; }

    public int ToolPages { get; }

    public bool CursorNeverEnds { get; }

    public int Port { get; private set; }

    public Uri Url => new($"http://127.0.0.1:{Port}{(LegacySseOnly ? "/mcp/sse" : "/mcp")}");

    public int Initializes => Volatile.Read(ref initializes);

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public TaskCompletionSource WaitStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource WaitCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<McpTestServer> StartAsync(bool legacySseOnly = false, int toolPages = 3, bool cursorNeverEnds = false)
    {
        var server = new McpTestServer(legacySseOnly, toolPages, cursorNeverEnds);
        await server.StartOnAsync(port: 0);
        return server;
    }

    /// <summary>Stops and starts again on the same port: every session the client holds is unknown afterwards.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartOnAsync(Port);
    }

    public async Task StopAsync()
    {
        if (app is null)
            return;
        await app.StopAsync();
        await app.DisposeAsync();
        app = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StartOnAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddMcpServer(mcp => mcp.ServerInfo = new Implementation { Name = ServerName, Version = ServerVersion })
            .WithHttpTransport(http =>
            {
                http.Stateless = false;
                // Obsolete in the SDK as a server feature; here it stands in for old servers the client must still reach.
#pragma warning disable MCP9004
                http.EnableLegacySse = LegacySseOnly;
#pragma warning restore MCP9004
            })
            .WithTools([Echo(), Count(), Wait()])
            .WithListToolsHandler(ListExtraToolsAsync);

        app = builder.Build();
        app.Use(RecordAsync);
        app.MapMcp("/mcp");
        await app.StartAsync();
        Port = new Uri(app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()).Port;
    }

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var body = "";
        if (HttpMethods.IsPost(context.Request.Method))
        {
            context.Request.EnableBuffering();
            body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
        }

        Requests.Enqueue(new SeenRequest(
            context.Request.Method,
            context.Request.Path,
            context.Request.Headers.Authorization.ToString(),
            context.Request.Headers["X-API-Key"].ToString()));
        // The Streamable HTTP attempt that an SSE-only endpoint refuses carries an initialize too: count accepted ones,
        // before the client can see the answer.
        if (body.Contains("\"method\":\"initialize\"", StringComparison.Ordinal))
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode < 400)
                    Interlocked.Increment(ref initializes);
                return Task.CompletedTask;
            });
        }

        await next(context);
    }

    private ValueTask<ListToolsResult> ListExtraToolsAsync(RequestContext<ListToolsRequestParams> request, CancellationToken cancellationToken)
    {
        var page = request.Params?.Cursor is { } cursor ? int.Parse(cursor) : 1;
        var tools = Enumerable.Range(1, ExtraToolsPerPage)
            .Select(i => new Tool { Name = $"page{page}_tool{i}", InputSchema = JsonDocument.Parse("""{"type":"object"}""").RootElement })
            .ToList();
        var next = CursorNeverEnds ? "1" : page < ToolPages ? (page + 1).ToString() : null;
        return ValueTask.FromResult(new ListToolsResult { Tools = tools, NextCursor = next });
    }

    private static McpServerTool Echo() =>
        McpServerTool.Create((string text) => text, new McpServerToolCreateOptions { Name = "echo", Description = "Says the text back." });

    private static McpServerTool Count() =>
        McpServerTool.Create(
            async (int to, RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken) =>
            {
                if (context.Params?.ProgressToken is { } token)
                {
                    for (var step = 1; step <= to; step++)
                    {
                        await context.Server.NotifyProgressAsync(token, new ProgressNotificationValue { Progress = step, Total = to }, cancellationToken: cancellationToken);
                        // Paced like real work: the client handles notifications on tasks of their own, and a burst
                        // sent just before the result can be handled after it, when the caller no longer wants it.
                        await Task.Delay(StepPause, cancellationToken);
                    }
                }
                return $"counted to {to}";
            },
            new McpServerToolCreateOptions { Name = "count", Description = "Counts, reporting each step as progress." });

    private McpServerTool Wait() =>
        McpServerTool.Create(
            async (CancellationToken cancellationToken) =>
            {
                WaitStarted.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                finally
                {
                    WaitCancelled.TrySetResult();
                }
                return "never";
            },
            new McpServerToolCreateOptions { Name = "wait", Description = "Waits until cancelled." });
}

public sealed record SeenRequest(string Method, string Path, string Authorization, string ApiKey);
