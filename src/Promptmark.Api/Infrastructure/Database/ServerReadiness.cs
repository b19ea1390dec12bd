namespace Promptmark.Api.Infrastructure.Database;

/// <summary>
/// Knows a starting server is up as soon as it says so. <c>pg_ctl start -w</c> looks at the status line of
/// postmaster.pid every 100 ms; a start on an existing cluster is ready in about 50 ms after the server process begins,
/// so most of its wait was pg_ctl's own. This reads the same file every few milliseconds, beside pg_ctl, whose failure
/// still ends the wait with its reason.
/// </summary>
internal static class ServerReadiness
{
    // Lines of postmaster.pid as pg_ctl reads them (PostgreSQL 10 and later), counted from 0.
    const int StartTimeLine = 2;
    const int StatusLine = 7;
    const string Ready = "ready";
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    public static async Task WaitAsync(string dataDirectory, Task serverStarting, CancellationToken ct)
    {
        var pidFile = StalePostmasterPid.FileOf(dataDirectory);
        // A server killed without stopping leaves a file that still says "ready": only a server started since counts.
        var launched = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        while (!serverStarting.IsCompleted && !SaysReady(pidFile, launched))
            await Task.WhenAny(serverStarting, Task.Delay(Interval, ct));
        if (serverStarting.IsCompleted) await serverStarting;
    }

    static bool SaysReady(string pidFile, long launched)
    {
        try
        {
            var lines = File.ReadLines(pidFile).Take(StatusLine + 1).ToList();
            return lines.Count > StatusLine && lines[StatusLine].Trim() == Ready
                && long.TryParse(lines[StartTimeLine], out var started) && started >= launched;
        }
        catch (IOException)
        {
            return false; // not written yet, or being rewritten
        }
    }
}
