using System.Collections.Concurrent;
using ModelContextProtocol.Server;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Database;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>
/// The MCP sessions that are open right now on this instance, per user, so that a change in a user's library can be
/// announced to that user's clients (and nobody else's). Sessions register while they run and leave when they end.
/// An announcement goes through <see cref="InstanceSignals"/>, so it reaches the user's sessions on every instance.
/// A session is also found by its id, for <see cref="DirectToolCalls"/>.
/// </summary>
public sealed class McpSessions
{
    private const string ListChanged = "mcp-list-changed";
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<McpServer, byte>> _byUser = new();
    private readonly ConcurrentDictionary<string, (McpServer Server, Guid UserId)> _byId = new(StringComparer.Ordinal);
    private readonly InstanceSignals _signals;
    private readonly ILogger<McpSessions> _logger;

    public McpSessions(InstanceSignals signals, ILogger<McpSessions> logger)
    {
        _signals = signals;
        _logger = logger;
        signals.On(ListChanged, payload =>
        {
            if (payload.Split(' ', 2) is [var user, var method] && Guid.TryParse(user, out var userId)) _ = NotifyAsync(userId, method);
        });
    }

    /// <summary>Runs one session for its signed-in user; wired as the transport's RunSessionHandler.</summary>
    public async Task RunAsync(HttpContext http, McpServer server, CancellationToken ct)
    {
        var userId = http.User.FindUserId();
        if (userId is null)
        {
            await server.RunAsync(ct);
            return;
        }
        var sessions = _byUser.GetOrAdd(userId.Value, _ => new());
        sessions[server] = 0;
        if (server.SessionId is { } id) _byId[id] = (server, userId.Value);
        try
        {
            await server.RunAsync(ct);
        }
        finally
        {
            sessions.TryRemove(server, out _);
            if (server.SessionId is { } ended) _byId.TryRemove(new(ended, (server, userId.Value)));
        }
    }

    /// <summary>The session <paramref name="sessionId"/> when it runs on this instance and <paramref name="userId"/> started it.</summary>
    public McpServer? Find(string sessionId, Guid userId) =>
        _byId.TryGetValue(sessionId, out var session) && session.UserId == userId ? session.Server : null;

    /// <summary>Sends the notification <paramref name="method"/> to every open session of <paramref name="userId"/>, on every instance.</summary>
    public Task AnnounceAsync(Guid userId, string method, CancellationToken ct) => _signals.SendAsync(ListChanged, $"{userId} {method}", ct);

    /// <summary>Sends a notification to this instance's sessions of <paramref name="userId"/>; a session that fails to take it is skipped.</summary>
    private async Task NotifyAsync(Guid userId, string method)
    {
        if (!_byUser.TryGetValue(userId, out var sessions)) return;
        foreach (var server in sessions.Keys)
        {
            try
            {
                await server.SendNotificationAsync(method, CancellationToken.None);
            }
            catch (Exception e)
            {
                _logger.LogDebug(e, "Could not send {Method} to an MCP session", method);
            }
        }
    }
}
