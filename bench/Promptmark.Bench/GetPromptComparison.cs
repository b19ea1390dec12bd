namespace Promptmark.Bench;

/// <summary>
/// The same handler through both doors, <c>GET /api/prompts/{id}</c> over REST and <c>tools/call get_prompt</c> over
/// MCP Streamable HTTP, against their anchors: the <see cref="NpgsqlFloor"/> running the same query, server-everything's
/// <c>echo</c>, and Promptmark's own <c>/health</c> (one <c>select 1</c>, no auth) and <c>/api/auth/me</c> (auth and
/// one load), which split a read into its parts. Each from <see cref="BenchOptions.Concurrency"/> workers with their own connection.
/// </summary>
public sealed class GetPromptComparison(BenchOptions options, BenchSession session, NpgsqlFloor floor, Measurement directEcho, Report report)
{
    public async Task RunAsync()
    {
        var path = $"/api/prompts/{session.PromptId}";
        var floorRun = await MeasureGetAsync("floor: minimal API + Npgsql, the same query", floor.BaseAddress, path);
        var health = await MeasureGetAsync("Promptmark `GET /health` (`select 1`, no auth)", session.BaseAddress, "/health");
        var me = await MeasureGetAsync("Promptmark `GET /api/auth/me` (bearer auth + one load)", session.BaseAddress, "/api/auth/me");
        var rest = await MeasureGetAsync("REST `GET /api/prompts/{id}`", session.BaseAddress, path);
        var mcp = await ConcurrentCalls.MeasureAsync(options, "MCP `tools/call get_prompt`", async () =>
        {
            var client = await BenchMcpClient.ConnectAsync(new Uri(session.BaseAddress, "/mcp"), session.NewHttpClient());
            var arguments = new Dictionary<string, object?> { ["id"] = session.PromptId };
            return () => client.CallToolOrThrowAsync("get_prompt", arguments);
        });
        report.Table(
                $"## get_prompt through both doors and its anchors ({options.Requests} calls each, {options.Concurrency} concurrent workers, same handler)",
                "calls", floorRun, rest, mcp, directEcho, health, me)
            .Ratio("REST/floor", rest, floorRun, goal: "≥ 0.6")
            .Ratio("MCP/REST", mcp, rest, goal: "≥ 0.9")
            .Ratio("MCP/echo", mcp, directEcho, goal: "≥ 5")
            .Line($"- the floor runs `{NpgsqlFloor.LoadPromptSql}` on Promptmark's database from a bare minimal API in the bench process; " +
                  "a REST read adds the bearer check (one more primary-key read of the sign-in session), the slice pipeline and Marten")
            .Line("");
    }

    private Task<Measurement> MeasureGetAsync(string name, Uri baseAddress, string path) =>
        ConcurrentCalls.MeasureAsync(options, name, () =>
        {
            var http = session.NewHttpClient(baseAddress);
            return Task.FromResult<Func<Task>>(async () => (await http.GetAsync(path)).EnsureSuccessStatusCode());
        });
}
