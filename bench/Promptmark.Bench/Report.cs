using System.Text;

namespace Promptmark.Bench;

public sealed class Report
{
    private readonly StringBuilder _text = new();

    public Report Line(string line)
    {
        _text.AppendLine(line);
        Console.WriteLine(line);
        return this;
    }

    /// <summary>A table of two series of calls and the ratio of <paramref name="measured"/> to <paramref name="baseline"/>.</summary>
    public Report Comparison(string heading, string calls, Measurement baseline, Measurement measured, string ratio) =>
        Table(heading, calls, baseline, measured).Ratio(ratio, measured, baseline);

    /// <summary>A table of series of calls, one row each, followed by a blank line.</summary>
    public Report Table(string heading, string calls, params Measurement[] rows)
    {
        Line(heading).Line("").Line($"| door | {calls} | {calls}/s | p50 ms | p99 ms | server CPU µs/call | bench CPU µs/call |")
            .Line("|---|---|---|---|---|---|---|");
        foreach (var row in rows) Line(row.Row);
        return Line("");
    }

    /// <summary>How <paramref name="measured"/> compares to <paramref name="baseline"/>, and the throughput ratio aimed at when there is one.</summary>
    public Report Ratio(string ratio, Measurement measured, Measurement baseline, string? goal = null) =>
        Line($"- {ratio} ratio: throughput {measured.PerSecond / baseline.PerSecond:N2}x{(goal is null ? "" : $" (goal {goal}x)")}, " +
             $"p50 latency {measured.P50 / baseline.P50:N2}x, p99 latency {measured.P99 / baseline.P99:N2}x");

    /// <summary>The 1, 5 and 15 minute load averages: the machine is shared, so figures are read against them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"# Promptmark benchmark ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)\n\n{_text}");
        Console.WriteLine($"\nReport written to {path}");
    }
}

/// <summary>
/// Latencies of one series of calls, and what they add up to. Processor time per call is what a shared machine's load
/// disturbs least: <paramref name="ServerCpu"/> is the measured server's process (PostgreSQL's own processes not
/// included), <paramref name="BenchCpu"/> the bench's, which holds the clients (and the floor server).
/// </summary>
public sealed record Measurement(string Name, TimeSpan Elapsed, double[] LatenciesMs, TimeSpan BenchCpu, TimeSpan? ServerCpu)
{
    public double PerSecond => LatenciesMs.Length / Elapsed.TotalSeconds;
    public double P50 => Percentile(LatenciesMs, 0.50);
    public double P99 => Percentile(LatenciesMs, 0.99);

    /// <summary>The value below which the fraction <paramref name="p"/> of <paramref name="values"/> lie (nearest rank).</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Processor time of other parts over the same run, by name (see <see cref="ConcurrentCalls.MeasureAsync"/>).</summary>
    public IReadOnlyDictionary<string, TimeSpan> OtherCpu { get; init; } = new Dictionary<string, TimeSpan>();

    public string Row =>
        $"| {Name} | {LatenciesMs.Length} | {PerSecond:N0} | {P50:N2} | {P99:N2} | {(ServerCpu is { } server ? $"{PerCall(server):N0}" : "–")} | {PerCall(BenchCpu):N0} |";

    public double PerCall(TimeSpan cpu) => cpu.TotalMicroseconds / LatenciesMs.Length;

    /// <summary>Runs of one series taken as one: their calls, their times and their processor times added up.</summary>
    public static Measurement Sum(IReadOnlyList<Measurement> runs) =>
        new(runs[0].Name,
            TimeSpan.FromTicks(runs.Sum(run => run.Elapsed.Ticks)),
            runs.SelectMany(run => run.LatenciesMs).ToArray(),
            TimeSpan.FromTicks(runs.Sum(run => run.BenchCpu.Ticks)),
            runs.All(run => run.ServerCpu is not null) ? TimeSpan.FromTicks(runs.Sum(run => run.ServerCpu!.Value.Ticks)) : null);
}
