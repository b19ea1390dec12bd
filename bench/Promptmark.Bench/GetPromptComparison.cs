namespace Promptmark.Bench;

/// <summary>
/// The same handler through both doors: <c>GET /api/prompts/{id}</c> over REST against <c>tools/call get_prompt</c>
/// over MCP Streamable HTTP, each from <see cref="BenchOptions.Concurrency"/> workers with their own connection.
/// </summary>
public sealed class GetPromptComparison(BenchOptions options, BenchSession session, Report report)
{
    public async Task RunAsync()
    {
        var rest = await ConcurrentCalls.MeasureAsync(options, "REST `GET /api/prompts/{id}`", () =>
        {
            var http = session.NewHttpClient();
            return Task.FromResult<Func<Task>>(async () => (await http.GetAsync($"/api/prompts/{session.PromptId}")).EnsureSuccessStatusCode());
        });
        var mcp = await ConcurrentCalls.MeasureAsync(options, "MCP `tools/call get_prompt`", async () =>
        {
            var client = await BenchMcpClient.ConnectAsync(new Uri(session.BaseAddress, "/mcp"), session.NewHttpClient());
            var arguments = new Dictionary<string, object?> { ["id"] = session.PromptId };
            return () => client.CallToolOrThrowAsync("get_prompt", arguments);
        });
        report.Comparison(
                $"## get_prompt through both doors ({options.Requests} calls each, {options.Concurrency} concurrent workers, same handler)",
                "calls", baseline: rest, measured: mcp, ratio: "MCP/REST")
            .Line("");
    }
}
