using Promptmark.Api.Infrastructure.Mcp;

namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>
/// Deletes expired sign-in session records and MCP session handshakes at start-up and then every hour, so each table
/// holds at most about a day of sessions.
/// </summary>
public sealed class ExpiredSessionSweeper(UserSessions sessions, McpSessionMigration mcpSessions, TimeProvider clock, ILogger<ExpiredSessionSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await sessions.PurgeExpiredAsync(stoppingToken);
                await mcpSessions.PurgeExpiredAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not delete expired sessions; will try again in an hour");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
