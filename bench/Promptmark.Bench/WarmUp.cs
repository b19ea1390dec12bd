using System.Diagnostics;

namespace Promptmark.Bench;

/// <summary>Calls a door before it is measured, until the server's processor time per call stops falling.</summary>
/// <remarks>
/// The runtime recompiles hot methods (tiered compilation, with dynamic PGO an instrumented pass in between) in the
/// background, and waits to do so while new methods keep being compiled: under load, Promptmark's processor time per call
/// kept falling for about 18 s after a door was first used (its JIT log went quiet then), and a door measured after a 2 s
/// warm-up cost 590 µs per call against 455 µs for the same door a minute later. One call at a time, a fixed count fell
/// short the same way: measured right after a start, behind 10 to 20 unmeasured calls, the first token's p50 overhead
/// read 6.0 ms and a tool-loop iteration 9.1 ms of server CPU; warmed up this way, 3.4 ms and 2.4 ms. So when the
/// server's processor time is known, the warm-up lasts until that time per call stops falling: windows of
/// <see cref="Window"/>, until one costs no more than <see cref="SettledWithin"/> less than the window two before it,
/// and at most <see cref="Limit"/>; otherwise it lasts <see cref="Fixed"/>.
/// </remarks>
public static class WarmUp
{
    private static readonly TimeSpan Fixed = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(24);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    private const double SettledWithin = 0.05;

    /// <summary>Warms up a door called one call at a time.</summary>
    public static Task UntilSettledAsync(Func<Task> call, Func<TimeSpan>? serverCpu) => UntilSettledAsync([call], serverCpu);

    /// <summary>Warms up a door called by all <paramref name="workers"/> at once.</summary>
    public static async Task UntilSettledAsync(Func<Task>[] workers, Func<TimeSpan>? serverCpu)
    {
        if (serverCpu is null)
        {
            await CallForAsync(workers, Fixed);
            return;
        }
        var costs = new List<double>();
        for (var warmed = TimeSpan.Zero; warmed < Limit; warmed += Window)
        {
            var cpuBefore = serverCpu();
            var calls = await CallForAsync(workers, Window);
            costs.Add((serverCpu() - cpuBefore).TotalMicroseconds / calls);
            if (costs is [.., var earlier, _, var last] && last >= (1 - SettledWithin) * earlier) return;
        }
    }

    /// <summary>Every worker calls again and again until <paramref name="duration"/> has passed; returns how many calls were made.</summary>
    private static async Task<long> CallForAsync(Func<Task>[] workers, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long calls = 0;
        await Task.WhenAll(workers.Select(call => Task.Run(async () =>
        {
            do
            {
                await call();
                Interlocked.Increment(ref calls);
            } while (clock.Elapsed < duration);
        })));
        return calls;
    }
}
