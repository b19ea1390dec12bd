using System.Diagnostics;
using System.Net;
using Promptmark.Api.Infrastructure.Hosting;

namespace Promptmark.Bench;

/// <summary>
/// Promptmark as users run it: its own process, its own embedded PostgreSQL in a fresh data directory, on a free
/// loopback port. Started once to create the cluster, then <see cref="ColdStarts"/> times more to time a cold start on an existing cluster.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private ServerProcess(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        _dataDirectory = dataDirectory;
    }

    /// <summary>Processor time the server's process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Processor time the server's PostgreSQL cluster has used so far; not part of <see cref="ProcessorTime"/>.</summary>
    public TimeSpan PostgresProcessorTime => ProcessCpu.OfPostgres(PostgresDirectory);

    public Uri BaseAddress { get; }

    /// <summary>The PostgreSQL cluster folder Promptmark keeps under its data directory.</summary>
    public string PostgresDirectory => Path.Combine(_dataDirectory, "postgres");

    public static async Task<ServerProcess> StartAsync(BenchOptions options, Report report)
    {
        if (!File.Exists(options.ApiAssembly))
            throw new FileNotFoundException($"Build Promptmark in Release first: {options.ApiAssembly} is missing.");
        var data = Directory.CreateTempSubdirectory("promptmark-bench-").FullName;
        File.SetUnixFileMode(data, (UnixFileMode)0b111_001_001);

        var (first, firstReady, _) = await LaunchAsync(options, data);
        await first.StopAsync();
        var starts = new List<(ServerProcess Server, TimeSpan Ready, string? Phases)>();
        for (var i = 0; i < ColdStarts; i++)
        {
            if (i > 0) await starts[^1].Server.StopAsync();
            starts.Add(await LaunchAsync(options, data));
        }
        var median = starts.OrderBy(s => s.Ready).ElementAt(ColdStarts / 2);
        report.Line("## Start-up").Line("")
            .Line($"- first start, creating the PostgreSQL cluster, to first `/health` 200: {firstReady.TotalMilliseconds:N0} ms")
            .Line($"- cold start on an existing cluster (process start to first `/health` 200), median of {ColdStarts}: {median.Ready.TotalMilliseconds:N0} ms " +
                  $"(all: {string.Join(", ", starts.Select(s => $"{s.Ready.TotalMilliseconds:N0}"))} ms)")
            .Line($"- the median start's phases as Promptmark logs them, in ms after process start (PostgreSQL starts as services are registered; " +
                  $"from `pipeline mapped` to `listening` the hosted services start): {median.Phases ?? "not logged"}")
            .Line("");
        return starts[^1].Server;
    }

    /// <summary>One start varies by a few hundred milliseconds on a shared machine: the Bench reports the median of these.</summary>
    private const int ColdStarts = 5;

    private static async Task<(ServerProcess Server, TimeSpan Ready, string? Phases)> LaunchAsync(BenchOptions options, string data)
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet", [options.ApiAssembly])
        {
            WorkingDirectory = Path.GetDirectoryName(options.ApiAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Promptmark__DataDirectory"] = data,
                ["Logging__LogLevel__Default"] = "Warning",
                [$"Logging__LogLevel__{StartupPhases.LogCategory}"] = "Information",
                // The egress guard refuses loopback servers unless the operator allows them; the echo comparison dials one.
                ["Promptmark__Connections__AllowedHosts__0"] = "127.0.0.1",
            },
        };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        var phases = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.IndexOf(StartupPhases.LogPrefix, StringComparison.Ordinal) is >= 0 and var at)
                phases.TrySetResult(e.Data[(at + StartupPhases.LogPrefix.Length)..].Trim());
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited) throw new InvalidOperationException($"Promptmark exited with code {process.ExitCode} during start-up.");
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    var ready = clock.Elapsed;
                    // The line is logged as the host starts listening; the console may write it a little after /health answers.
                    var logged = await phases.Task.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null);
                    return (new ServerProcess(process, baseAddress, data), ready, logged);
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(25);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("Promptmark did not answer /health within 90 s.");
    }

    /// <summary>SIGTERM, so Promptmark stops its PostgreSQL cluster as it does for users.</summary>
    private async Task StopAsync()
    {
        if (_process.HasExited) return;
        Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await _process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
