using System.Collections.Concurrent;
using ModelContextProtocol.Server;
using Promptmark.Api.Infrastructure.Auth;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>
/// The MCP sessions that are open right now, per user, so that a change in a user's library can be announced
/// to that user's clients (and nobody else's). Sessions register while they run and leave when they end.
/// </summary>
public sealed class McpSessions(ILogger<McpSessions> logger)
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<McpServer, byte>> _byUser = new();

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
        try
        {
            await server.RunAsync(ct);
        }
        finally
        {
            sessions.TryRemove(server, out _);
        }
    }

    /// <summary>Sends a notification to every open session of <paramref name="userId"/>; a session that fails to take it is skipped.</summary>
    public async Task NotifyAsync(Guid userId, string method, CancellationToken ct)
    {
        if (!_byUser.TryGetValue(userId, out var sessions)) return;
        foreach (var server in sessions.Keys)
        {
            try
            {
                await server.SendNotificationAsync(method, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug(e, "Could not send {Method} to an MCP session", method);
            }
        }
    }
}
