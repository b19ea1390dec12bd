using System.Diagnostics;

namespace Promptmark.Bench;

/// <summary>
/// The OAuth flow a hosted MCP client goes through before its first tool call on <c>/mcp</c>, and after it, played
/// <see cref="Flows"/> times one after another, each with a fresh client registration (<see cref="HostedOAuthClient"/>):
/// the HTTP round trips and the time of each phase and of the whole flow, and the server's processor time in each, which
/// tells work done from time spent waiting on a loaded machine.
/// </summary>
public sealed class OAuthFlow(ServerProcess server, BenchSession session, Report report)
{
    private const int Warmup = 10;
    private const int Flows = 20;

    public async Task RunAsync()
    {
        var counter = new RoundTripCounter();
        using var http = new HttpClient(counter);
        var mcp = new Uri(session.BaseAddress, "/mcp");
        var phases = HostedOAuthClient.Phases;
        for (var i = 0; i < Warmup; i++) await PlayAsync(new HostedOAuthClient(http, mcp, session), counter);

        var times = phases.Select(_ => new double[Flows]).ToArray();
        var roundTrips = new int[phases.Count];
        var serverCpu = new double[phases.Count];
        for (var flow = 0; flow < Flows; flow++)
        {
            var played = await PlayAsync(new HostedOAuthClient(http, mcp, session), counter);
            for (var phase = 0; phase < phases.Count; phase++)
            {
                times[phase][flow] = played[phase].Ms;
                roundTrips[phase] = played[phase].RoundTrips;
                serverCpu[phase] += played[phase].ServerCpuMs / Flows;
            }
        }

        report.Line($"## The OAuth flow of a hosted MCP client ({Flows} flows one after another, each a new client registration, after {Warmup} unmeasured)")
            .Line("").Line("| phase | round trips | p50 ms | p95 ms | server CPU ms (mean) |").Line("|---|---|---|---|---|");
        for (var phase = 0; phase < phases.Count; phase++) Row(phases[phase].Name, roundTrips[phase], times[phase], serverCpu[phase]);
        var firstCall = HostedOAuthClient.PhasesToFirstToolCall;
        Row("**to the first tool call (1–6)**", roundTrips[..firstCall].Sum(), Totals(times[..firstCall]), serverCpu[..firstCall].Sum());
        Row("**whole flow (1–8)**", roundTrips.Sum(), Totals(times), serverCpu.Sum());
        report.Line("")
            .Line("- not counted: the consent page itself (the web app the user's browser loads between the two requests of phase 4) and the user's decision")
            .Line("");
    }

    /// <summary>One flow: each phase's round trips, milliseconds and the server's processor time (read outside the timed span).</summary>
    private async Task<(int RoundTrips, double Ms, double ServerCpuMs)[]> PlayAsync(HostedOAuthClient client, RoundTripCounter counter)
    {
        var played = new List<(int, double, double)>();
        foreach (var (_, run) in HostedOAuthClient.Phases)
        {
            var sent = counter.Count;
            var cpuBefore = server.ProcessorTime;
            var started = Stopwatch.GetTimestamp();
            await run(client);
            var elapsed = Stopwatch.GetElapsedTime(started);
            played.Add((counter.Count - sent, elapsed.TotalMilliseconds, (server.ProcessorTime - cpuBefore).TotalMilliseconds));
        }
        return [.. played];
    }

    /// <summary>Each flow's sum over the given phases.</summary>
    private static double[] Totals(double[][] phases) => Enumerable.Range(0, Flows).Select(flow => phases.Sum(phase => phase[flow])).ToArray();

    private void Row(string phase, int roundTrips, double[] ms, double serverCpuMs) =>
        report.Line($"| {phase} | {roundTrips} | {Measurement.Percentile(ms, 0.50):N2} | {Measurement.Percentile(ms, 0.95):N2} | {serverCpuMs:N2} |");
}
