using System.Diagnostics;

namespace Promptmark.Bench;

/// <summary>
/// The OAuth flow a hosted MCP client goes through before its first tool call on <c>/mcp</c>, and after it, played
/// <see cref="Flows"/> times one after another, each with a fresh client registration (<see cref="HostedOAuthClient"/>):
/// the HTTP round trips and the time of each phase, the whole flow's, and the server's processor time per flow.
/// </summary>
public sealed class OAuthFlow(ServerProcess server, BenchSession session, Report report)
{
    private const int Warmup = 3;
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
        var serverCpuBefore = server.ProcessorTime;
        for (var flow = 0; flow < Flows; flow++)
        {
            var played = await PlayAsync(new HostedOAuthClient(http, mcp, session), counter);
            for (var phase = 0; phase < phases.Count; phase++)
            {
                times[phase][flow] = played[phase].Ms;
                roundTrips[phase] = played[phase].RoundTrips;
            }
        }
        var serverCpu = server.ProcessorTime - serverCpuBefore;

        report.Line($"## The OAuth flow of a hosted MCP client ({Flows} flows one after another, each a new client registration)").Line("")
            .Line("| phase | round trips | p50 ms | p95 ms |").Line("|---|---|---|---|");
        for (var phase = 0; phase < phases.Count; phase++) Row(phases[phase].Name, roundTrips[phase], times[phase]);
        var firstCall = HostedOAuthClient.PhasesToFirstToolCall;
        Row("**to the first tool call (1–6)**", roundTrips[..firstCall].Sum(), Totals(times[..firstCall]));
        Row("**whole flow (1–8)**", roundTrips.Sum(), Totals(times));
        report.Line("")
            .Line($"- server CPU per whole flow: {serverCpu.TotalMilliseconds / Flows:N1} ms; the consent page itself (the web app the " +
                  "user's browser loads between the two requests of phase 4) and the user's decision are not counted")
            .Line("");
    }

    /// <summary>One flow: each phase's round trips and milliseconds.</summary>
    private static async Task<(int RoundTrips, double Ms)[]> PlayAsync(HostedOAuthClient client, RoundTripCounter counter)
    {
        var played = new List<(int, double)>();
        foreach (var (_, run) in HostedOAuthClient.Phases)
        {
            var sent = counter.Count;
            var started = Stopwatch.GetTimestamp();
            await run(client);
            played.Add((counter.Count - sent, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
        return [.. played];
    }

    /// <summary>Each flow's sum over the given phases.</summary>
    private static double[] Totals(double[][] phases) => Enumerable.Range(0, Flows).Select(flow => phases.Sum(phase => phase[flow])).ToArray();

    private void Row(string phase, int roundTrips, double[] ms) =>
        report.Line($"| {phase} | {roundTrips} | {Measurement.Percentile(ms, 0.50):N2} | {Measurement.Percentile(ms, 0.95):N2} |");
}
