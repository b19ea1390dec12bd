using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Promptmark.Bench;

/// <summary>
/// <c>tools/call</c> as a load generator such as wrk sends it: the JSON-RPC body POSTed on an initialized session, the
/// answer read but not parsed, as the REST series reads its answer. The first answer of each worker is parsed and
/// checked, so a failing call fails the run.
/// </summary>
public static class RawMcpCalls
{
    private const string ProtocolVersion = "2025-11-25";

    /// <summary>A worker calling <paramref name="tool"/> with <paramref name="argumentsJson"/> on its own session.</summary>
    public static async Task<Func<Task>> WorkerAsync(BenchSession session, string tool, string argumentsJson)
    {
        var http = session.NewHttpClient();
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        http.DefaultRequestHeaders.Accept.ParseAdd("text/event-stream");
        var initialized = await PostAsync(http, """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"promptmark-bench","version":"1.0.0"}}}""");
        http.DefaultRequestHeaders.Add("Mcp-Session-Id", initialized.Headers.GetValues("Mcp-Session-Id").Single());
        http.DefaultRequestHeaders.Add("MCP-Protocol-Version", ProtocolVersion);
        await PostAsync(http, """{"jsonrpc":"2.0","method":"notifications/initialized"}""");

        var call = Encoding.UTF8.GetBytes($$"""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"{{tool}}","arguments":""" + argumentsJson + "}}");
        var first = JsonDocument.Parse(await (await PostAsync(http, call)).Content.ReadAsStringAsync()).RootElement;
        if (!first.TryGetProperty("result", out var result) || result.TryGetProperty("isError", out var isError) && isError.GetBoolean())
            throw new InvalidOperationException($"{tool} failed: {first}");
        return async () => await PostAsync(http, call);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string body) => PostAsync(http, Encoding.UTF8.GetBytes(body));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return (await http.PostAsync("/mcp", content)).EnsureSuccessStatusCode();
    }
}
