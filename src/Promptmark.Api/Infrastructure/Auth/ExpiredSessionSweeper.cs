namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>Deletes expired session records at start-up and then every hour, so the table holds at most a day of sign-ins.</summary>
public sealed class ExpiredSessionSweeper(UserSessions sessions, TimeProvider clock, ILogger<ExpiredSessionSweeper> logger) : BackgroundService
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
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not delete expired sign-in sessions; will try again in an hour");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
