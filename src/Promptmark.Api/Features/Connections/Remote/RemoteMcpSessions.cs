using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Infrastructure.Hosting;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>
/// Promptmark as an MCP client: one pooled session per connection, opened on first use (Streamable HTTP, or the
/// legacy SSE transport when the server answers the first POST with an HTTP error), shared by concurrent calls,
/// replaced when the connection's <see cref="RemoteServer.Revision"/> changes, re-opened once when the server has
/// expired it, and closed after <see cref="RemoteSessionOptions.IdleTimeout"/>. Every failure reaches the caller as
/// a <see cref="RemoteServerException"/>; cancellation by the caller as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class RemoteMcpSessions : IAsyncDisposable
{
    public const string ProtocolVersion = "2025-11-25";

    private static readonly TimeSpan LongestSweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, SessionSlot> slots = new();
    private readonly RemoteHttpClients http;
    private readonly RemoteSessionOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource disposing = new();
    private readonly Task idleSweeps;

    public RemoteMcpSessions(RemoteHttpClients http, IOptions<RemoteSessionOptions> options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        this.http = http;
        this.options = options.Value;
        this.time = time;
        logger = loggerFactory.CreateLogger<RemoteMcpSessions>();
        idleSweeps = SweepIdleSessionsAsync();
    }

    public Task<RemoteToolList> ListToolsAsync(RemoteServer server, CancellationToken cancellationToken) =>
        RunAsync(server, "tools/list", (client, _, token) => ToolPages.ReadAllAsync(client, token), cancellationToken);

    /// <summary>A call whose elicitations are declined.</summary>
    public Task<CallToolResult> CallToolAsync(
        RemoteServer server,
        string toolName,
        IReadOnlyDictionary<string, JsonElement> arguments,
        IProgress<ProgressNotificationValue>? progress,
        CancellationToken cancellationToken) =>
        CallToolAsync(server, toolName, arguments, progress, answerer: null, cancellationToken);

    /// <param name="answerer">Asks the user when the server sends an elicitation during the call; without one, it is declined.
    /// The operation timeout does not run while the user is asked.</param>
    public Task<CallToolResult> CallToolAsync(
        RemoteServer server,
        string toolName,
        IReadOnlyDictionary<string, JsonElement> arguments,
        IProgress<ProgressNotificationValue>? progress,
        ElicitationAnswerer? answerer,
        CancellationToken cancellationToken) =>
        RunAsync(server, "tools/call", async (client, limit, token) =>
        {
            using var call = slots[server.ConnectionId].Calls.Enter(
                answerer is null ? null : (request, ct) => limit.PausedWhile(() => answerer(request, ct)));
            return await ToolCall.RunAsync(client, toolName, arguments, progress, token);
        }, cancellationToken);

    /// <summary>prompts/get without arguments: the prompt's messages' text, one message per paragraph (for a playbook's <c>@prompt(mcp:…)</c>).</summary>
    public Task<string> GetPromptTextAsync(RemoteServer server, string promptName, CancellationToken cancellationToken) =>
        RunAsync(server, "prompts/get", async (client, _, token) =>
        {
            var prompt = await client.GetPromptAsync(promptName, cancellationToken: token);
            return string.Join("\n\n", prompt.Messages.Select(m => m.Content).OfType<TextContentBlock>().Select(t => t.Text));
        }, cancellationToken);

    /// <summary>Closes the connection's session, if one is open; the next operation opens a new one.</summary>
    public async ValueTask CloseAsync(Guid connectionId)
    {
        if (slots.TryGetValue(connectionId, out var slot))
            await CloseSessionAsync(connectionId, slot, _ => true, "closed on request", CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await disposing.CancelAsync();
        await idleSweeps;
        foreach (var (connectionId, slot) in slots)
            await CloseSessionAsync(connectionId, slot, _ => true, "shutting down", CancellationToken.None);
        disposing.Dispose();
    }

    private async Task<T> RunAsync<T>(
        RemoteServer server,
        string operation,
        Func<McpClient, PausableTimeLimit, CancellationToken, Task<T>> run,
        CancellationToken cancellationToken)
    {
        using var limit = new PausableTimeLimit(options.OperationTimeout, cancellationToken);
        try
        {
            return await RunRenewingExpiredSessionAsync(server, (client, token) => run(client, limit, token), limit.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (limit.IsExpired)
        {
            throw Failed(server, operation, RemoteFailures.TimedOut(options.OperationTimeout), "timeout");
        }
        catch (Exception failure)
        {
            throw Failed(server, operation, RemoteFailures.Describe(failure, server), failure.GetType().Name);
        }
    }

    private async Task<T> RunRenewingExpiredSessionAsync<T>(
        RemoteServer server,
        Func<McpClient, CancellationToken, Task<T>> run,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var session = await AcquireAsync(server, cancellationToken);
            try
            {
                return await run(session.Client, cancellationToken);
            }
            catch (Exception failure) when (!RemoteFailures.LeavesSessionUsable(failure))
            {
                await DiscardAsync(server.ConnectionId, session);
                // The server answered 404 without handling the request, so sending it again is safe, but only once.
                if (attempt > 1 || !RemoteFailures.IsSessionExpiry(failure))
                    throw;
                logger.LogInformation("The MCP session of connection {ConnectionId} has expired; opening a new one", server.ConnectionId);
            }
            finally
            {
                session.Exit();
            }
        }
    }

    private async Task<RemoteSession> AcquireAsync(RemoteServer server, CancellationToken cancellationToken)
    {
        var slot = slots.GetOrAdd(server.ConnectionId, _ => new SessionSlot());
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            if (slot.Session is { } current && (current.Revision != server.Revision || current.HasEnded))
            {
                slot.Session = null;
                await CloseQuietlyAsync(server.ConnectionId, current, current.HasEnded ? "ended" : "settings changed");
            }

            slot.Session ??= await OpenAsync(server, cancellationToken);
            slot.Session.Enter();
            return slot.Session;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private async Task<RemoteSession> OpenAsync(RemoteServer server, CancellationToken cancellationToken)
    {
        var check = http.Check(server.Url);
        if (!check.IsAllowed)
            throw new RemoteServerException(check.Refusal);

        var httpClient = http.CreateFor(server, options.OperationTimeout, options.MaxResponseBytes);
        try
        {
            McpClient client;
            try
            {
                client = await ConnectAsync(server, check.Url, httpClient, ProtocolVersion, cancellationToken);
            }
            catch (Exception refusal) when (OlderProtocolVersion.OfferedIn(refusal) is { } offered)
            {
                client = await ConnectAsync(server, check.Url, httpClient, offered, cancellationToken);
            }
            logger.LogInformation("Opened an MCP session with {Server}: {ServerName} {ServerVersion} ({ProtocolVersion})",
                server, client.ServerInfo?.Name, client.ServerInfo?.Version, client.NegotiatedProtocolVersion);
            return new RemoteSession(client, httpClient, server.Revision, time);
        }
        catch
        {
            httpClient.Dispose();
            throw;
        }
    }

    private async Task<McpClient> ConnectAsync(RemoteServer server, Uri endpoint, HttpClient httpClient, string protocolVersion, CancellationToken cancellationToken)
    {
        // No logger for the SDK: it logs raw exceptions with response bodies, which can echo a credential back.
        // Failures are logged by Failed(), with their safe reason.
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            // The SDK puts this name in its exception messages; the endpoint's query string may carry a key.
            Name = $"connection {server.ConnectionId}",
            TransportMode = HttpTransportMode.AutoDetect,
            ConnectionTimeout = options.OperationTimeout,
            // The standalone GET stream carries what a server sends outside a call's response: a question (elicitation)
            // it asks apart from the call, and its notifications. A closed response stream is resumed with GET either way.
            EnableStandaloneGetStream = true,
        }, httpClient, NullLoggerFactory.Instance);
        return await McpClient.CreateAsync(transport, ClientOptions(slots[server.ConnectionId].Calls, protocolVersion), NullLoggerFactory.Instance, cancellationToken);
    }

    private static McpClientOptions ClientOptions(CallsInFlight calls, string protocolVersion) => new()
    {
        ProtocolVersion = protocolVersion,
        ClientInfo = new Implementation { Name = "promptmark", Title = "Promptmark", Version = PromptmarkServices.Version },
        Capabilities = new ClientCapabilities
        {
            // A hub that knows the extension asks for a user's authorization in a form Promptmark handles (RestAuthRequest).
            Experimental = new Dictionary<string, object> { [RestAuthRequest.Capability] = new Dictionary<string, string> { ["version"] = "1.0" } },
            // Forms only: a URL the server wants opened would need the egress rules and a card of its own.
            Elicitation = new ElicitationCapability { Form = new FormElicitationCapability() },
        },
        Handlers = new McpClientHandlers { ElicitationHandler = calls.AnswerAsync },
    };

    private async Task DiscardAsync(Guid connectionId, RemoteSession session)
    {
        if (slots.TryGetValue(connectionId, out var slot))
            await CloseSessionAsync(connectionId, slot, current => current == session, "failed", CancellationToken.None);
    }

    private async Task SweepIdleSessionsAsync()
    {
        var interval = options.IdleTimeout < LongestSweepInterval ? options.IdleTimeout : LongestSweepInterval;
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(disposing.Token))
            {
                foreach (var (connectionId, slot) in slots)
                    await CloseSessionAsync(connectionId, slot, session => session.IsIdleFor(options.IdleTimeout), "idle", disposing.Token);
            }
        }
        catch (OperationCanceledException) when (disposing.IsCancellationRequested)
        {
        }
    }

    private async Task CloseSessionAsync(
        Guid connectionId,
        SessionSlot slot,
        Func<RemoteSession, bool> shouldClose,
        string reason,
        CancellationToken cancellationToken)
    {
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            if (slot.Session is { } session && shouldClose(session))
            {
                slot.Session = null;
                await CloseQuietlyAsync(connectionId, session, reason);
            }
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private async Task CloseQuietlyAsync(Guid connectionId, RemoteSession session, string reason)
    {
        try
        {
            await session.DisposeAsync();
            logger.LogInformation("Closed the MCP session of connection {ConnectionId} ({Reason})", connectionId, reason);
        }
        catch (Exception failure)
        {
            logger.LogWarning("Closing the MCP session of connection {ConnectionId} ({Reason}) failed: {FailureType}",
                connectionId, reason, failure.GetType().Name);
        }
    }

    private RemoteServerException Failed(RemoteServer server, string operation, RemoteServerException failure, string cause)
    {
        logger.LogWarning("MCP {Operation} for {Server} failed: {Reason} ({Cause})", operation, server, failure.Message, cause);
        return failure;
    }
}
