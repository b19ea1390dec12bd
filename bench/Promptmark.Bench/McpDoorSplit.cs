using ModelContextProtocol.Client;

namespace Promptmark.Bench;

/// <summary>
/// Splits a <c>tools/call get_prompt</c> into the MCP transport and the tool: <c>ping</c> on the same <c>/mcp</c> session
/// runs the HTTP pipeline, bearer auth and the MCP SDK's Streamable HTTP session (request read, dispatch, SSE answer)
/// but no tool, so get_prompt's server CPU minus ping's is the tool call (the SDK's tools/call pipeline, the adapter,
/// the slice and the database read), to set against REST's whole request on the same handler.
/// </summary>
public sealed class McpDoorSplit(BenchOptions options, ServerProcess server, BenchSession session, Report report)
{
    public async Task RunAsync()
    {
        var rest = await ConcurrentCalls.MeasureAsync(options, "REST `GET /api/prompts/{id}`", () =>
        {
            var http = session.NewHttpClient();
            return Task.FromResult<Func<Task>>(async () => (await http.GetAsync($"/api/prompts/{session.PromptId}")).EnsureSuccessStatusCode());
        }, ServerCpu);
        var ping = await MeasureMcpAsync("MCP `ping` (transport only)", client => () => client.PingAsync().AsTask());
        var arguments = new Dictionary<string, object?> { ["id"] = session.PromptId };
        var call = await MeasureMcpAsync("MCP `tools/call get_prompt`", client => () => client.CallToolOrThrowAsync("get_prompt", arguments));
        report.Table($"## The MCP door split: transport and tool ({options.Requests} calls each, {options.Concurrency} concurrent workers)", "calls", rest, ping, call)
            .Ratio("MCP ping/REST", ping, rest)
            .Ratio("MCP get_prompt/REST", call, rest)
            .Line($"- server CPU per call: the tool call adds {Cpu(call) - Cpu(ping):N0} µs to the transport's {Cpu(ping):N0} µs; REST's whole read is {Cpu(rest):N0} µs")
            .Line("");
    }

    private Task<Measurement> MeasureMcpAsync(string name, Func<McpClient, Func<Task>> call) =>
        ConcurrentCalls.MeasureAsync(options, name, async () =>
            call(await BenchMcpClient.ConnectAsync(new Uri(session.BaseAddress, "/mcp"), session.NewHttpClient())), ServerCpu);

    private static double Cpu(Measurement measurement) => measurement.ServerCpu!.Value.TotalMicroseconds / measurement.LatenciesMs.Length;

    private TimeSpan ServerCpu() => server.ProcessorTime;
}
