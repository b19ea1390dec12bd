using System.Diagnostics;

namespace Promptmark.Bench;

/// <summary>
/// Overload: <see cref="Connections"/> clients, each on a connection of its own, all reading the prompt over REST at
/// once, far more than the 2 cores can serve. What matters is that latency grows without failures: every answer that
/// is not a 200 (a 5xx, a 429, a refused or timed-out connection) is counted and reported beside p50 and p99.
/// </summary>
public sealed class OverloadStep(ServerProcess server, BenchSession session, Report report)
{
    public const int Connections = 256;
    private const int CallsPerConnection = 20;

    public async Task RunAsync()
    {
        var path = $"/api/prompts/{session.PromptId}";
        var clients = Enumerable.Range(0, Connections).Select(_ => session.NewHttpClient()).ToList();
        var latencies = new double[Connections * CallsPerConnection];
        int serverErrors = 0, otherStatuses = 0, failures = 0;
        var cpuBefore = server.ProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((http, c) => Task.Run(async () =>
        {
            for (var i = 0; i < CallsPerConnection; i++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(path);
                    if ((int)response.StatusCode >= 500) Interlocked.Increment(ref serverErrors);
                    else if (!response.IsSuccessStatusCode) Interlocked.Increment(ref otherStatuses);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                }
                latencies[c * CallsPerConnection + i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        var run = new Measurement($"REST `GET /api/prompts/{{id}}`, {Connections} connections", clock.Elapsed, latencies,
            BenchCpu: TimeSpan.Zero, ServerCpu: server.ProcessorTime - cpuBefore);
        foreach (var http in clients) http.Dispose();
        report.Table($"## Overload ({Connections} connections, {CallsPerConnection} calls each)", "calls", run)
            .Line($"- 5xx answers: {serverErrors}; other non-200 answers: {otherStatuses}; failed connections or timeouts: {failures} (goal: 0, 0, 0)")
            .Line("");
    }
}
