using System.Diagnostics;

namespace Promptmark.Bench;

/// <summary><see cref="BenchOptions.Requests"/> calls spread over <see cref="BenchOptions.Concurrency"/> workers.</summary>
public static class ConcurrentCalls
{
    /// <summary>
    /// Creates the workers, warms them up together (<see cref="WarmUp"/>), then runs them all at once and keeps each call's latency, with the
    /// processor time the bench process and, when <paramref name="serverCpu"/> reads it, the server process spent on the run,
    /// and the growth of each of <paramref name="otherCpu"/> over the same run.
    /// </summary>
    public static async Task<Measurement> MeasureAsync(BenchOptions options, string name, Func<Task<Func<Task>>> createWorker, Func<TimeSpan>? serverCpu = null,
        IReadOnlyDictionary<string, Func<TimeSpan>>? otherCpu = null)
    {
        var workers = await WarmWorkersAsync(options, createWorker, serverCpu);
        return await RunAsync(options, name, workers, serverCpu, otherCpu);
    }

    /// <summary>
    /// Series whose throughputs are compared, each warmed up as in <see cref="MeasureAsync"/>, then run in
    /// <paramref name="turns"/> turns of <see cref="BenchOptions.Requests"/> calls each, one series after the other, and
    /// each series' turns added up.
    /// </summary>
    /// <remarks>
    /// One run of 4,000 calls lasts about a second, and whatever else the shared machine does in that second lands on one
    /// side of a ratio: MCP/REST read 0.64x, 0.91x and 0.83x in three get_prompt runs of one build. In turns, a drift or a
    /// burst of background work falls on both sides alike.
    /// </remarks>
    public static async Task<Measurement[]> MeasureInTurnsAsync(BenchOptions options, int turns, Func<TimeSpan> serverCpu,
        params (string Name, Func<Task<Func<Task>>> CreateWorker)[] series)
    {
        var workers = new List<Func<Task>[]>();
        foreach (var (_, createWorker) in series)
            workers.Add(await WarmWorkersAsync(options, createWorker, serverCpu));
        var runs = series.Select(_ => new List<Measurement>()).ToArray();
        for (var turn = 0; turn < turns; turn++)
        {
            for (var i = 0; i < series.Length; i++)
                runs[i].Add(await RunAsync(options, series[i].Name, workers[i], serverCpu, otherCpu: null));
        }
        return runs.Select(Measurement.Sum).ToArray();
    }

    private static async Task<Func<Task>[]> WarmWorkersAsync(BenchOptions options, Func<Task<Func<Task>>> createWorker, Func<TimeSpan>? serverCpu)
    {
        var workers = await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => createWorker()));
        await WarmUp.UntilSettledAsync(workers, serverCpu);
        return workers;
    }

    private static async Task<Measurement> RunAsync(BenchOptions options, string name, Func<Task>[] workers, Func<TimeSpan>? serverCpu,
        IReadOnlyDictionary<string, Func<TimeSpan>>? otherCpu)
    {
        var perWorker = options.Requests / options.Concurrency;
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
