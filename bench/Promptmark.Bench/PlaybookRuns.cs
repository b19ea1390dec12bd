using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Promptmark.Bench;

/// <summary>
/// Playbook runs of <see cref="Steps"/> steps through <c>POST /api/playbooks/{id}/executions</c>, which answers once the
/// run has come to rest, against a local model server that answers at once. One run at a time first: each run's latency
/// less the model server's own handling time during it, divided by the steps, is the engine's overhead per step (the
/// durable queue's round trip per move, Marten reads and writes of the run, the waiter's wake-up, the OpenAI SDK and the
/// extra hop). Then <see cref="BenchOptions.Concurrency"/> runs at a time, for runs per second.
/// </summary>
public sealed class PlaybookRuns(BenchOptions options, ServerProcess server, BenchSession session, Report report)
{
    private const int Steps = 5;

    private int Runs => Math.Max(50, options.Requests / 40);

    private static readonly string Playbook = string.Join("\n\n",
        ["# Bench", "## INPUTS", "- `topic` (string): What to write about",
         .. Enumerable.Range(1, Steps).Select(n => $"## STEP {n}: Part {n}\n\nWrite part {n} about {{{{topic}}}}.")]);

    public async Task RunAsync()
    {
        await using var model = await StreamingModelServer.StartAsync();
        using var http = session.NewHttpClient();
        (await http.PutAsJsonAsync("/api/providers/bench-playbooks", new { base_url = model.BaseUrl.ToString() })).EnsureSuccessStatusCode();
        var created = await (await http.PostAsJsonAsync("/api/playbooks", new { title = "Bench", content = Playbook, default_model_id = "bench-playbooks/model-a" }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var path = $"/api/playbooks/{created.GetProperty("id").GetString()}/executions";

        await WarmUp.UntilSettledAsync(async () => await RunOnceAsync(http, path), () => server.ProcessorTime);
        var sequential = await SequentialAsync(http, path, model);
        var concurrent = await ConcurrentAsync(path);

        var overhead = sequential.OverheadPerStepMs;
        report.Table($"## Playbook runs: {Steps}-step playbook, `POST /api/playbooks/{{id}}/executions` against a local model server answering at once",
                "runs", sequential.Runs, concurrent)
            .Line($"- engine overhead per step (run latency less the model server's handling time, / {Steps}), one run at a time: " +
                  $"p50 {Measurement.Percentile(overhead, 0.50):N2} ms (goal ≤ 5 ms), p95 {Measurement.Percentile(overhead, 0.95):N2} ms")
            .Line($"- per step on average: the model server's own handling time {sequential.ModelMsPerStep:N3} ms; the model call as " +
                  $"Promptmark times it (OpenAI SDK, the hop, the server) {sequential.ModelCallsMsPerStep:N1} ms; the rest " +
                  $"(queue, Marten, wake-up) {sequential.Runs.LatenciesMs.Average() / Steps - sequential.ModelCallsMsPerStep:N1} ms")
            .Line($"- runs/s: {sequential.Runs.PerSecond:N1} one at a time, {concurrent.PerSecond:N1} with {options.Concurrency} at a time " +
                  $"({concurrent.PerSecond * Steps:N0} steps/s)")
            .Line("");
    }

    private async Task<(Measurement Runs, double[] OverheadPerStepMs, double ModelMsPerStep, double ModelCallsMsPerStep)> SequentialAsync(HttpClient http, string path, StreamingModelServer model)
    {
        var latencies = new double[Runs];
        var overheads = new double[Runs];
        long modelCallsMs = 0;
        var benchCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var serverCpuBefore = server.ProcessorTime;
        var modelBefore = model.HandlingTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Runs; i++)
        {
            var modelAtStart = model.HandlingTime;
            var (elapsed, callsMs) = await RunOnceAsync(http, path);
            latencies[i] = elapsed.TotalMilliseconds;
            modelCallsMs += callsMs;
            overheads[i] = (latencies[i] - (model.HandlingTime - modelAtStart).TotalMilliseconds) / Steps;
        }
        var runs = new Measurement("one run at a time", clock.Elapsed, latencies,
            Process.GetCurrentProcess().TotalProcessorTime - benchCpuBefore, server.ProcessorTime - serverCpuBefore);
        return (runs, overheads, (model.HandlingTime - modelBefore).TotalMilliseconds / (Runs * Steps), (double)modelCallsMs / (Runs * Steps));
    }

    private async Task<Measurement> ConcurrentAsync(string path)
    {
        var clients = Enumerable.Range(0, options.Concurrency).Select(_ => session.NewHttpClient()).ToList();
        var perClient = Runs / clients.Count;
        var latencies = new double[perClient * clients.Count];
        var benchCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var serverCpuBefore = server.ProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((http, c) => Task.Run(async () =>
        {
            for (var i = 0; i < perClient; i++) latencies[c * perClient + i] = (await RunOnceAsync(http, path)).Elapsed.TotalMilliseconds;
        })));
        var elapsed = clock.Elapsed;
        foreach (var http in clients) http.Dispose();
        return new Measurement($"{clients.Count} runs at a time", elapsed, latencies,
            Process.GetCurrentProcess().TotalProcessorTime - benchCpuBefore, server.ProcessorTime - serverCpuBefore);
    }

    /// <summary>
    /// One run, from the request to the answer of the completed run, and the time its model calls took as Promptmark
    /// timed them (whole milliseconds); any other outcome stops the bench.
    /// </summary>
    private static async Task<(TimeSpan Elapsed, long ModelCallsMs)> RunOnceAsync(HttpClient http, string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync(path, new { input_values = new { topic = "tides" } });
        var elapsed = Stopwatch.GetElapsedTime(started);
        var run = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var status = run.GetProperty("status").GetString();
        return status == "completed" ? (elapsed, run.GetProperty("totals").GetProperty("latency_ms").GetInt64()) : throw new InvalidOperationException($"A bench playbook run ended {status}: {run}");
    }
}
