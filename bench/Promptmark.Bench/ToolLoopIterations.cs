using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Promptmark.Bench;

/// <summary>
/// One conversation turn in which the local model asks for server-everything's <c>echo</c>, attached through a Connection,
/// <see cref="ToolCalls"/> times before it answers (<c>POST /api/conversations/{id}/messages</c>), against the same model call
/// and the same <c>echo</c> made directly. A turn with no tool attached gives the part every message pays once. One turn at
/// a time, each in a fresh conversation.
/// </summary>
public sealed class ToolLoopIterations(BenchOptions options, ServerProcess server, BenchSession session, EverythingServerProcess everything, Report report)
{
    private const int ToolCalls = 5;
    private static readonly object DirectBody = new { model = "model-a", messages = new[] { new { role = "user", content = "When?" } } };
    private static readonly Dictionary<string, object?> EchoArguments = new() { ["message"] = "hello" };

    private int Turns => Math.Max(30, options.Requests / 40);

    public async Task RunAsync()
    {
        await using var model = await StreamingModelServer.StartAsync(toolCallsPerTurn: ToolCalls);
        using var http = session.NewHttpClient();
        (await http.PutAsJsonAsync("/api/providers/bench", new { base_url = model.BaseUrl.ToString() })).EnsureSuccessStatusCode();
        var connectionId = await EchoExecuteComparison.CreateTestedConnectionAsync(session, everything);

        using var plain = new HttpClient();
        var modelCall = await MeasureAsync("local model server directly (`POST /v1/chat/completions`)", () => Task.FromResult<Func<Task>>(async () =>
            (await plain.PostAsJsonAsync($"{model.BaseUrl}/chat/completions", DirectBody)).EnsureSuccessStatusCode()));
        await using var mcp = await BenchMcpClient.ConnectAsync(everything.Endpoint, new HttpClient());
        var echoCall = await MeasureAsync("server-everything directly (MCP C# SDK, `tools/call echo`)", () =>
            Task.FromResult<Func<Task>>(() => mcp.CallToolOrThrowAsync("echo", EchoArguments)));
        var plainTurn = await MeasureAsync("Promptmark turn, no tool attached (1 model call)", async () =>
            SendTo(http, await NewConversationAsync(http, null)), () => server.ProcessorTime);
        var toolTurn = await MeasureAsync($"Promptmark turn, `echo` attached and called {ToolCalls} times ({ToolCalls + 1} model calls)", async () =>
            SendTo(http, await NewConversationAsync(http, connectionId)), () => server.ProcessorTime);

        var perIteration = (toolTurn.P50 - (ToolCalls + 1) * modelCall.P50 - ToolCalls * echoCall.P50) / ToolCalls;
        var marginal = (toolTurn.P50 - plainTurn.P50 - ToolCalls * (modelCall.P50 + echoCall.P50)) / ToolCalls;
        report.Table($"## the tool loop: one turn with {ToolCalls} calls of a connected tool ({Turns} turns, one at a time; p50 of each part)",
                "calls", modelCall, echoCall, plainTurn, toolTurn)
            .Line($"- per-iteration overhead, (turn − {ToolCalls + 1} model calls − {ToolCalls} direct echo calls) / {ToolCalls}: {perIteration:N2} ms " +
                  "(it carries the turn's own fixed part, shared out over the iterations)")
            .Line($"- per-iteration overhead beyond a turn without tools, (turn − plain turn − {ToolCalls} × (model call + echo)) / {ToolCalls}: {marginal:N2} ms")
            .Line($"- Promptmark's processor time per iteration (less shaken by a loaded machine), (tool turn − plain turn) / {ToolCalls}: " +
                  $"{(toolTurn.ServerCpu!.Value - plainTurn.ServerCpu!.Value).TotalMilliseconds / Turns / ToolCalls:N2} ms " +
                  "(server CPU columns include creating each turn's conversation, untimed)")
            .Line("- an iteration adds: the approval check, the cached tool's schema check and the audit record of the execution (PostgreSQL), " +
                  "the pooled MCP session's call, the content scan of the result, and the spend record of the model call")
            .Line("");
    }

    /// <summary>Times each call, after a <see cref="WarmUp"/>; <paramref name="prepare"/> runs untimed before each.</summary>
    private async Task<Measurement> MeasureAsync(string name, Func<Task<Func<Task>>> prepare, Func<TimeSpan>? serverCpu = null)
    {
        await WarmUp.UntilSettledAsync(async () => await (await prepare())(), serverCpu);
        var latencies = new double[Turns];
        var benchCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var serverCpuBefore = serverCpu?.Invoke();
        var elapsed = TimeSpan.Zero;
        for (var i = 0; i < Turns; i++)
        {
            var call = await prepare();
            var started = Stopwatch.GetTimestamp();
            await call();
            var took = Stopwatch.GetElapsedTime(started);
            latencies[i] = took.TotalMilliseconds;
            elapsed += took;
        }
        return new Measurement(name, elapsed, latencies, Process.GetCurrentProcess().TotalProcessorTime - benchCpuBefore, serverCpu?.Invoke() - serverCpuBefore);
    }

    private static Func<Task> SendTo(HttpClient http, string conversationId) => async () =>
    {
        using var response = await http.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { content = "When?" });
        var sent = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        if (sent.GetProperty("status").GetString() != "completed")
            throw new InvalidOperationException($"the turn ended {sent.GetProperty("status")}");
    };

    private static async Task<string> NewConversationAsync(HttpClient http, string? connectionId)
    {
        var created = await (await http.PostAsJsonAsync("/api/conversations", new { title = "bench", model_id = "bench/model-a" }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        if (connectionId is not null)
            (await http.PutAsJsonAsync($"/api/conversations/{id}/tools",
                new { tools = new[] { new { connection_id = connectionId, tool_name = "echo", approval = "always" } } })).EnsureSuccessStatusCode();
        return id;
    }
}
