using System.Collections.Concurrent;
using System.Diagnostics;

namespace Promptmark.Api.Infrastructure.Hosting;

/// <summary>
/// Where start-up time goes: each phase marks when it ended, counted from process start, and the marks are logged as
/// one line (category <c>Promptmark.Startup</c>) once the host listens. The Bench's cold-start step reads that line.
/// </summary>
public static class StartupPhases
{
    public const string LogCategory = "Promptmark.Startup";
    public const string LogPrefix = "Start-up phases (ms after process start):";

    private static readonly DateTime ProcessStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
    private static readonly ConcurrentQueue<(string Phase, double At)> Marks = new();

    public static void Mark(string phase) => Marks.Enqueue((phase, (DateTime.UtcNow - ProcessStart).TotalMilliseconds));

    /// <summary>Marks <c>listening</c> when the host has started and logs every mark in the order they happened.</summary>
    public static void LogWhenListening(WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        Mark("listening");
        var phases = string.Join(", ", Marks.OrderBy(m => m.At).Select(m => $"{m.Phase} {m.At:F0}"));
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory).LogInformation("{Prefix} {Phases}", LogPrefix, phases);
    });
}
