namespace Promptmark.Api.Infrastructure.Database;

/// <summary>
/// Knows a starting server is up as soon as it says so. <c>pg_ctl start -w</c> looks at the status line of
/// postmaster.pid every 100 ms; a start on an existing cluster is ready in about 50 ms after the server process begins,
/// so most of its wait was pg_ctl's own. This reads the same line every few milliseconds, beside pg_ctl, whose failure
/// still ends the wait with its reason.
/// </summary>
internal static class ServerReadiness
{
    // The eighth line of postmaster.pid, as pg_ctl reads it (PostgreSQL 10 and later).
    const int StatusLine = 7;
    const string Ready = "ready";
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    public static async Task WaitAsync(string dataDirectory, Task serverStarting, CancellationToken ct)
    {
        var pidFile = StalePostmasterPid.FileOf(dataDirectory);
        while (!serverStarting.IsCompleted && !SaysReady(pidFile))
            await Task.WhenAny(serverStarting, Task.Delay(Interval, ct));
        if (serverStarting.IsCompleted) await serverStarting;
    }

    static bool SaysReady(string pidFile)
    {
        try
        {
            return File.ReadLines(pidFile).ElementAtOrDefault(StatusLine)?.Trim() == Ready;
        }
        catch (IOException)
        {
            return false; // not written yet, or being rewritten
        }
    }
}
