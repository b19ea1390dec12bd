using System.Globalization;

namespace Promptmark.Bench;

/// <summary>
/// Processor time of a PostgreSQL cluster's processes, which <see cref="System.Diagnostics.Process"/> cannot add up,
/// read from Linux's <c>/proc</c>. Zero where there is no <c>/proc</c>.
/// </summary>
public static class ProcessCpu
{
    /// <summary>What the kernel counts <c>/proc</c> times in (USER_HZ, 100 on every Linux the bench runs on).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>
    /// Processor time of the cluster whose <c>postmaster.pid</c> is in <paramref name="dataDirectory"/>: the postmaster,
    /// its live backends and helpers, and the ones it has already reaped.
    /// </summary>
    public static TimeSpan OfPostgres(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var postmaster)) return TimeSpan.Zero;
        if (Read($"/proc/{postmaster}/stat") is not { } root) return TimeSpan.Zero;
        var ticks = root.OwnTicks + root.ReapedChildrenTicks;
        foreach (var process in Directories("/proc"))
            if (Read(Path.Combine(process, "stat")) is { } stat && stat.ParentId == postmaster) ticks += stat.OwnTicks;
        return FromTicks(ticks);
    }

    private static TimeSpan FromTicks(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    private static IEnumerable<string> Directories(string path) =>
        Directory.Exists(path) ? Directory.EnumerateDirectories(path).Where(d => char.IsAsciiDigit(Path.GetFileName(d)[0])) : [];

    /// <summary>The fields of a <c>stat</c> file (proc(5)) this needs; null when the process or thread has gone.</summary>
    private static Stat? Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        // The name is in parentheses and may hold spaces; the numbered fields follow the last ')'.
        var open = text.IndexOf('(');
        var close = text.LastIndexOf(')');
        var fields = text[(close + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return new Stat(text[(open + 1)..close], (int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
    }

    private sealed record Stat(string Name, int ParentId, long OwnTicks, long ReapedChildrenTicks);
}
