using System.Text.Json;
using Alba;
using ModelContextProtocol.Protocol;

namespace Promptmark.Api.Tests.Support;

/// <summary>
/// Watches every place a planted secret could come out of the server: the responses a test sends through it (body and
/// headers), every line the application logged, and every row of every table in the promptmark schema read as text.
/// </summary>
public sealed class LeakWatch(PromptmarkApp app)
{
    private readonly List<string> _responses = [];

    /// <summary>Sends one REST request, checks its status and keeps what came back; <paramref name="with"/> adds the credential.</summary>
    public async Task<JsonElement> SendAsync(HttpMethod verb, string url, object? body, int expect, Action<Scenario> with)
    {
        var result = await app.Host.Scenario(s =>
        {
            if (verb == HttpMethod.Get) s.Get.Url(url);
            else if (verb == HttpMethod.Delete) s.Delete.Url(url);
            else if (verb == HttpMethod.Put) s.Put.Json(body!).ToUrl(url);
            else if (verb == HttpMethod.Patch) s.Patch.Json(body!).ToUrl(url);
            else s.Post.Json(body!).ToUrl(url);
            with(s);
            s.StatusCodeShouldBe(expect);
        });
        var text = await result.ReadAsTextAsync();
        Keep(text + string.Join("\n", result.Context.Response.Headers.Select(h => $"{h.Key}: {h.Value}")));
        return text.StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
    }

    public Task<JsonElement> SendAsync(TestUser user, HttpMethod verb, string url, object? body, int expect) =>
        SendAsync(verb, url, body, expect, s => s.WithBearerToken(user.Token));

    public void Keep(CallToolResult result) => Keep(McpCalls.Text(result));

    public void Keep(string response) => _responses.Add(response);

    /// <summary>The log lines that hold <paramref name="secret"/>.</summary>
    public IEnumerable<string> LogLinesHolding(string secret) => app.Logs.Lines.Where(l => l.Contains(secret, StringComparison.Ordinal));

    /// <summary>Every kept response, log line and table that holds <paramref name="secret"/>; empty when it never left in clear.</summary>
    public async Task<List<string>> PlacesHoldingAsync(string secret)
    {
        var places = _responses.Where(r => r.Contains(secret, StringComparison.Ordinal)).Select(r => $"response: {r}")
            .Concat(LogLinesHolding(secret).Select(l => $"log: {l}"))
            .ToList();
        places.AddRange((await TablesHoldingAsync(secret)).Select(t => $"table: {t}"));
        return places;
    }

    private async Task<IReadOnlyList<string>> TablesHoldingAsync(string secret)
    {
        var search = await app.TablesContainingAsync(secret);
        search.Searched.ShouldContain("mt_doc_user", "the search must look at the application's own schema");
        return search.Containing;
    }
}
