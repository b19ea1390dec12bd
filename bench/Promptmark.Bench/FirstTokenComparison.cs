using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Promptmark.Bench;

/// <summary>
/// Time to the first streamed token: through Promptmark's <c>POST /api/conversations/{id}/messages/stream</c> (to its first
/// <c>text</c> event) against the same local model server asked directly (to its first content chunk). One call at a
/// time, each in a fresh conversation, so neither a queue nor a growing history is measured.
/// </summary>
public sealed class FirstTokenComparison(BenchOptions options, ServerProcess server, BenchSession session, Report report)
{
    private static readonly object DirectBody = new { model = "model-a", stream = true, messages = new[] { new { role = "user", content = "When?" } } };

    private int Calls => Math.Max(50, options.Requests / 10);

    public async Task RunAsync()
    {
        await using var model = await StreamingModelServer.StartAsync();
        using var http = session.NewHttpClient();
        (await http.PutAsJsonAsync("/api/providers/bench", new { base_url = model.BaseUrl.ToString() })).EnsureSuccessStatusCode();

        using var plain = new HttpClient();
        var direct = await MeasureAsync("local model server directly (`POST /v1/chat/completions`, stream)", null,
            () => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"{model.BaseUrl}/chat/completions") { Content = JsonContent.Create(DirectBody) }),
            line => line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains("\"content\"", StringComparison.Ordinal), plain);
        var streamed = await MeasureAsync("Promptmark `POST /api/conversations/{id}/messages/stream`", () => server.ProcessorTime,
            async () => new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{await NewConversationAsync(http)}/messages/stream")
            {
                Content = JsonContent.Create(new { content = "When?" }),
            },
            line => line == "event: text", http);

        report.Table($"## time to first token: Promptmark's stream route and the model server directly ({Calls} calls each, one at a time)",
                "calls", direct, streamed)
            .Line($"- Promptmark's p50 overhead on the first token: {streamed.P50 - direct.P50:N2} ms (goal ≤ 5 ms), p99 {streamed.P99 - direct.P99:N2} ms")
            .Line("- the difference is what Promptmark does before the model is asked: bearer auth, Marten reads of the conversation, " +
                  "its history, skills and attached tools, the provider's sealed settings and the spend check, the OpenAI SDK's " +
                  "request, and the extra hop")
            .Line("");
    }

    /// <summary>Times each call from sending to the first line that <paramref name="isFirstToken"/>, then reads the rest of the stream.</summary>
    private async Task<Measurement> MeasureAsync(
        string name, Func<TimeSpan>? serverCpu, Func<Task<HttpRequestMessage>> newRequest, Func<string, bool> isFirstToken, HttpClient http)
    {
        await WarmUp.UntilSettledAsync(async () => await FirstTokenAsync(http, await newRequest(), isFirstToken), serverCpu);
        var latencies = new double[Calls];
        var benchCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var serverCpuBefore = serverCpu?.Invoke();
        var elapsed = TimeSpan.Zero;
        for (var i = 0; i < Calls; i++)
        {
            var request = await newRequest();
            var started = Stopwatch.GetTimestamp();
            latencies[i] = (await FirstTokenAsync(http, request, isFirstToken)).TotalMilliseconds;
            elapsed += Stopwatch.GetElapsedTime(started);
        }
        return new Measurement(name, elapsed, latencies, Process.GetCurrentProcess().TotalProcessorTime - benchCpuBefore, serverCpu?.Invoke() - serverCpuBefore);
    }

    private static async Task<TimeSpan> FirstTokenAsync(HttpClient http, HttpRequestMessage request, Func<string, bool> isFirstToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        TimeSpan? first = null;
        while (await reader.ReadLineAsync() is { } line)
            if (first is null && isFirstToken(line)) first = Stopwatch.GetElapsedTime(started);
        return first ?? throw new InvalidOperationException($"{request.RequestUri} streamed no token");
    }

    private static async Task<string> NewConversationAsync(HttpClient http)
    {
        var created = await (await http.PostAsJsonAsync("/api/conversations", new { title = "bench", model_id = "bench/model-a" }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        return created.GetProperty("id").GetString()!;
    }
}
