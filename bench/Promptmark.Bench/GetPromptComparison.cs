using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Promptmark.Bench;

/// <summary>
/// The same handler through both doors: <c>GET /api/prompts/{id}</c> over REST against <c>tools/call get_prompt</c>
/// over MCP Streamable HTTP, each from <see cref="BenchOptions.Concurrency"/> workers with their own connection.
/// </summary>
public sealed class GetPromptComparison(BenchOptions options, BenchSession session, Report report)
{
    public async Task RunAsync()
    {
        var perWorker = options.Requests / options.Concurrency;
        var rest = await MeasureAsync("REST `GET /api/prompts/{id}`", perWorker, async () =>
        {
            var http = session.NewHttpClient();
            return async () => (await http.GetAsync($"/api/prompts/{session.PromptId}")).EnsureSuccessStatusCode();
        });
        var mcp = await MeasureAsync("MCP `tools/call get_prompt`", perWorker, async () =>
        {
            var client = await ConnectAsync();
            var arguments = new Dictionary<string, object?> { ["id"] = session.PromptId };
            return async () =>
            {
                var result = await client.CallToolAsync("get_prompt", arguments);
                if (result.IsError == true) throw new InvalidOperationException(((TextContentBlock)result.Content[0]).Text);
            };
        });
        report.Line($"## get_prompt through both doors ({options.Requests} calls each, {options.Concurrency} concurrent workers, same handler)").Line("")
            .Line("| door | calls | calls/s | p50 ms | p99 ms |").Line("|---|---|---|---|---|")
            .Line(rest.Row).Line(mcp.Row).Line("")
            .Line($"- MCP/REST ratio: throughput {mcp.PerSecond / rest.PerSecond:N2}x, p50 latency {mcp.P50 / rest.P50:N2}x, p99 latency {mcp.P99 / rest.P99:N2}x")
            .Line("");
    }

    private async Task<McpClient> ConnectAsync()
    {
        var http = session.NewHttpClient();
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(session.BaseAddress, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp,
        }, http, NullLoggerFactory.Instance, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2025-11-25" });
    }

    /// <summary>Warms up, then runs every worker's calls at once and keeps each call's latency.</summary>
    private async Task<Measurement> MeasureAsync(string name, int perWorker, Func<Task<Func<Task>>> createWorker)
    {
        var workers = await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => createWorker()));
        foreach (var call in workers) for (var i = 0; i < 50; i++) await call();

        var latencies = new double[perWorker * workers.Length];
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
        return new Measurement(name, clock.Elapsed, latencies);
    }
}
