using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Promptmark.Bench;

/// <summary>
/// server-everything's <c>echo</c> run through Promptmark's execute route against the same server called directly by
/// the MCP C# SDK client over one shared session (<see cref="MeasureDirectAsync"/>), which is what Promptmark's client pool holds for a connection.
/// </summary>
public sealed class EchoExecuteComparison(BenchOptions options, ServerProcess server, BenchSession session, EverythingServerProcess everything, Report report)
{
    private static readonly object ExecuteBody = new { arguments = new { message = "hello" } };
    private static readonly Dictionary<string, object?> EchoArguments = new() { ["message"] = "hello" };

    /// <summary>server-everything's <c>echo</c> called directly: the anchor for this comparison and for MCP get_prompt.</summary>
    public static async Task<Measurement> MeasureDirectAsync(BenchOptions options, EverythingServerProcess everything)
    {
        await using var client = await BenchMcpClient.ConnectAsync(everything.Endpoint, new HttpClient());
        return await ConcurrentCalls.MeasureAsync(options, "server-everything directly (MCP C# SDK, `tools/call echo`)",
            () => Task.FromResult<Func<Task>>(() => client.CallToolOrThrowAsync("echo", EchoArguments)), () => everything.ProcessorTime);
    }

    public async Task RunAsync(Measurement direct)
    {
        var executePath = $"/api/mcp/connections/{await CreateTestedConnectionAsync(session, everything)}/tools/echo/execute";
        var throughPromptmark = await ConcurrentCalls.MeasureAsync(options, "Promptmark `POST /api/mcp/connections/{id}/tools/echo/execute`", () =>
        {
            var http = session.NewHttpClient();
            return Task.FromResult<Func<Task>>(() => ExecuteAsync(http, executePath));
        }, () => server.ProcessorTime, new Dictionary<string, Func<TimeSpan>>
        {
            [Postgres] = () => server.PostgresProcessorTime,
            [Everything] = () => everything.ProcessorTime,
        });

        report.Comparison(
                $"## echo through Promptmark and directly ({options.Requests} executions each, {options.Concurrency} concurrent workers, same server-everything)",
                "executions", baseline: direct, measured: throughPromptmark, ratio: "Promptmark/direct")
            .Line("- the difference is what Promptmark adds per execution: its HTTP request and bearer auth, Marten reads of the " +
                  "connection and its cached tool, the argument check against the tool's schema, the audit record written to " +
                  "PostgreSQL, and the extra hop from Promptmark to server-everything")
            .Line(CpuBound(direct, throughPromptmark))
            .Line("");
    }

    private const string Postgres = "postgres", Everything = "everything";

    /// <summary>
    /// Every process of both runs shares the machine's cores, so the processor time all of them spend per execution
    /// bounds the rate: what each part costs, that bound, and what 0.8x the direct rate would leave Promptmark and PostgreSQL.
    /// </summary>
    private static string CpuBound(Measurement direct, Measurement measured)
    {
        var cores = Environment.ProcessorCount;
        var directAll = direct.PerCall(direct.ServerCpu!.Value) + direct.PerCall(direct.BenchCpu);
        double Other(string part) => measured.PerCall(measured.OtherCpu[part]);
        var promptmark = measured.PerCall(measured.ServerCpu!.Value);
        var measuredAll = promptmark + Other(Postgres) + Other(Everything) + measured.PerCall(measured.BenchCpu);
        // At the same use of the cores as the direct run, 0.8x its rate allows 1/0.8 of its processor time per call.
        var goalAll = directAll / 0.8;
        return $"- processor time per execution, all processes ({cores} cores shared): directly {directAll:N0} µs " +
               $"(bound {cores * 1e6 / directAll:N0}/s); through Promptmark {measuredAll:N0} µs (bound {cores * 1e6 / measuredAll:N0}/s): " +
               $"Promptmark {promptmark:N0}, PostgreSQL {Other(Postgres):N0}, server-everything {Other(Everything):N0}, " +
               $"bench {measured.PerCall(measured.BenchCpu):N0}. 0.8x the direct rate allows {goalAll:N0} µs in all, which leaves " +
               $"{goalAll - Other(Everything) - measured.PerCall(measured.BenchCpu):N0} µs for Promptmark and PostgreSQL together";
    }

    /// <summary>A connection to server-everything, tested so that its tools are cached; its id.</summary>
    public static async Task<string> CreateTestedConnectionAsync(BenchSession session, EverythingServerProcess everything)
    {
        using var http = session.NewHttpClient();
        var connection = new { name = "server-everything", server_url = everything.Endpoint.ToString() };
        var created = await (await http.PostAsJsonAsync("/api/mcp/connections", connection)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        var test = await (await http.PostAsync($"/api/mcp/connections/{id}/test", content: null)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        if (!test.GetProperty("ok").GetBoolean())
            throw new InvalidOperationException($"Promptmark could not use server-everything: {test.GetProperty("error")}");
        return id;
    }

    private static async Task ExecuteAsync(HttpClient http, string executePath)
    {
        using var response = await http.PostAsJsonAsync(executePath, ExecuteBody);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.OK)
        {
            using var result = JsonDocument.Parse(body);
            if (result.RootElement.GetProperty("status").GetString() == "success") return;
        }
        throw new InvalidOperationException($"execute answered {(int)response.StatusCode}: {body}");
    }
}
