namespace Promptmark.Bench;

/// <summary>
/// The same handler through both doors, <c>GET /api/prompts/{id}</c> over REST and <c>tools/call get_prompt</c> over
/// MCP Streamable HTTP, against their anchors: the <see cref="NpgsqlFloor"/> running the same query, server-everything's
/// <c>echo</c>, and Promptmark's own <c>/health</c> (one <c>select 1</c>, no credential) and <c>/api/auth/me</c> (auth and
/// one load), which split a read into its parts. Each from <see cref="BenchOptions.Concurrency"/> workers with their own connection.
/// </summary>
public sealed class GetPromptComparison(BenchOptions options, ServerProcess server, BenchSession session, NpgsqlFloor floor, Measurement directEcho, Report report)
{
    public async Task RunAsync()
    {
        var path = $"/api/prompts/{session.PromptId}";
        var floorRun = await MeasureGetAsync("floor: minimal API + Npgsql, the same query", floor.BaseAddress, path, serverCpu: null);
        var health = await MeasureGetAsync("Promptmark `GET /health` (`select 1`, no credential sent)", server.BaseAddress, "/health", PromptmarkCpu, signedIn: false);
        var me = await MeasureGetAsync("Promptmark `GET /api/auth/me` (bearer auth + one load)", server.BaseAddress, "/api/auth/me", PromptmarkCpu);
        var doors = await ConcurrentCalls.MeasureInTurnsAsync(options, DoorTurns, PromptmarkCpu,
            ("REST `GET /api/prompts/{id}`", () => GetWorkerAsync(server.BaseAddress, path, signedIn: true)),
            ("MCP `tools/call get_prompt`, raw JSON-RPC POSTs", () => RawMcpCalls.WorkerAsync(session, "get_prompt", $$"""{"id":"{{session.PromptId}}"}""")));
        var (rest, rawMcp) = (doors[0], doors[1]);
        var mcp = await ConcurrentCalls.MeasureAsync(options, "MCP `tools/call get_prompt`, MCP C# SDK client", async () =>
        {
            var client = await BenchMcpClient.ConnectAsync(new Uri(session.BaseAddress, "/mcp"), session.NewHttpClient());
            var arguments = new Dictionary<string, object?> { ["id"] = session.PromptId };
            return () => client.CallToolOrThrowAsync("get_prompt", arguments);
        }, PromptmarkCpu);
        report.Table(
                $"## get_prompt through both doors and its anchors ({options.Requests} calls each, REST and raw MCP {DoorTurns} turns of them, {options.Concurrency} concurrent workers, same handler)",
                "calls", floorRun, rest, rawMcp, mcp, directEcho, health, me)
            .Ratio("REST/floor", rest, floorRun, goal: "≥ 0.6")
            .Ratio("MCP/REST, both from plain HTTP clients", rawMcp, rest, goal: "≥ 0.9")
            .Ratio("MCP through the SDK client/REST", mcp, rest)
            .Ratio("MCP/echo, both through the SDK client", mcp, directEcho, goal: "≥ 5")
            .Line($"- the floor runs `{NpgsqlFloor.LoadPromptSql}` on Promptmark's database from a bare minimal API in the bench process " +
                  "(so its server CPU is inside its bench CPU); " +
                  "a REST read adds the bearer check (the sign-in session is read once, then remembered until it ends), the slice pipeline and Marten")
            .Line("- REST and the raw MCP series ran in alternating turns, and read their answers without parsing them, as wrk would; the SDK client also parses " +
                  "the JSON-RPC answer into its types, which costs the bench process (on the same 2 cores) more per call than a REST GET")
            .Line("");
    }

    /// <summary>REST and MCP, whose ratio is a goal, run in this many alternating turns (<see cref="ConcurrentCalls.MeasureInTurnsAsync"/>).</summary>
    private const int DoorTurns = 5;

    private TimeSpan PromptmarkCpu() => server.ProcessorTime;

    /// <summary>GETs <paramref name="path"/>, with the session's token unless not <paramref name="signedIn"/>, from the same loop for every server.</summary>
    private Task<Measurement> MeasureGetAsync(string name, Uri baseAddress, string path, Func<TimeSpan>? serverCpu, bool signedIn = true) =>
        ConcurrentCalls.MeasureAsync(options, name, () => GetWorkerAsync(baseAddress, path, signedIn), serverCpu);

    private Task<Func<Task>> GetWorkerAsync(Uri baseAddress, string path, bool signedIn)
    {
        var http = signedIn ? session.NewHttpClient(baseAddress) : new HttpClient { BaseAddress = baseAddress };
        return Task.FromResult<Func<Task>>(async () => (await http.GetAsync(path)).EnsureSuccessStatusCode());
    }
}
