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

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"# Promptmark benchmark ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)\n\n{_text}");
        Console.WriteLine($"\nReport written to {path}");
    }
}

/// <summary>Latencies of one series of calls, and what they add up to.</summary>
public sealed record Measurement(string Name, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double PerSecond => LatenciesMs.Length / Elapsed.TotalSeconds;
    public double P50 => Percentile(0.50);
    public double P99 => Percentile(0.99);

    private double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public string Row => $"| {Name} | {LatenciesMs.Length} | {PerSecond:N0} | {P50:N2} | {P99:N2} |";
}
