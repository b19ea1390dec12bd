using System.Diagnostics;

namespace Promptmark.Bench;

/// <summary><see cref="BenchOptions.Requests"/> calls spread over <see cref="BenchOptions.Concurrency"/> workers.</summary>
public static class ConcurrentCalls
{
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Creates the workers, warms them up together, then runs them all at once and keeps each call's latency, with the
    /// processor time the bench process and, when <paramref name="serverCpu"/> reads it, the server process spent on the run,
    /// and the growth of each of <paramref name="otherCpu"/> over the same run.
    /// </summary>
    /// <remarks>
    /// The warm-up lasts at least <see cref="WarmUp"/> as well as 50 calls a worker: the runtime recompiles hot methods
    /// (tiered compilation) in the background for a second or more after they first run, and a door measured before
    /// that ends looked up to twice as costly per call as the same door measured a minute later.
    /// </remarks>
    public static async Task<Measurement> MeasureAsync(BenchOptions options, string name, Func<Task<Func<Task>>> createWorker, Func<TimeSpan>? serverCpu = null,
        IReadOnlyDictionary<string, Func<TimeSpan>>? otherCpu = null)
    {
        var perWorker = options.Requests / options.Concurrency;
        var workers = await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => createWorker()));
        var warming = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select(call => Task.Run(async () =>
        {
            for (var i = 0; i < 50 || warming.Elapsed < WarmUp; i++) await call();
        })));

        var latencies = new double[perWorker * workers.Length];
        var benchCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var serverCpuBefore = serverCpu?.Invoke();
        var otherCpuBefore = otherCpu?.ToDictionary(meter => meter.Key, meter => meter.Value());
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select((call, w) => Task.Run(async () =>
        {
            for (var i = 0; i < perWorker; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await call();
                latencies[w * perWorker + i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        var elapsed = clock.Elapsed;
        return new Measurement(name, elapsed, latencies,
            BenchCpu: Process.GetCurrentProcess().TotalProcessorTime - benchCpuBefore, ServerCpu: serverCpu?.Invoke() - serverCpuBefore)
        {
            OtherCpu = otherCpu?.ToDictionary(meter => meter.Key, meter => meter.Value() - otherCpuBefore![meter.Key]) ?? new Dictionary<string, TimeSpan>(),
        };
    }
}
