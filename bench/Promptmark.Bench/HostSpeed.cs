using System.Diagnostics;

namespace Promptmark.Bench;

/// <summary>
/// How fast this machine runs plain code right now: a fixed loop on one core, timed. The machines are shared virtual
/// ones, and their speed changes by the hour without the load average showing it: on 2026-12-04 the unchanged template
/// engine read 468k renders/s in the morning and 275k in the afternoon. Timed at the start and the end of a run, it
/// says whether two reports can be compared.
/// </summary>
public static class HostSpeed
{
    private const int Steps = 200_000_000;

    public static string Line(string when) => $"- host speed at {when}: a fixed loop of {Steps:N0} dependent multiply-adds on one core took {Milliseconds():N0} ms (lower is faster)";

    private static long Milliseconds()
    {
        var clock = Stopwatch.StartNew();
        var state = Environment.TickCount64;
        for (var i = 0; i < Steps; i++) state = state * 6364136223846793005 + 1442695040888963407;
        // Used, so the loop is not dropped.
        return state == 42 ? -1 : clock.ElapsedMilliseconds;
    }
}
