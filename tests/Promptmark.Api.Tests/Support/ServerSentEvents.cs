using System.Text.Json;
using Alba;

namespace Promptmark.Api.Tests.Support;

public static class ServerSentEvents
{
    /// <summary>The events of a complete text/event-stream body, in order, with their data parsed as JSON.</summary>
    public static List<(string Name, JsonElement Data)> Parse(string body) =>
        body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Select(lines => (
                Name: lines.Single(l => l.StartsWith("event: ", StringComparison.Ordinal))["event: ".Length..],
                Data: JsonDocument.Parse(string.Concat(lines.Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => l["data: ".Length..]))).RootElement.Clone()))
            .ToList();

    /// <summary>POSTs <paramref name="body"/> to a stream route as <paramref name="user"/> and reads the whole stream (200, text/event-stream).</summary>
    public static async Task<List<(string Name, JsonElement Data)>> StreamAsync(this PromptmarkApp app, TestUser user, string url, object body)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithBearerToken(user.Token);
            s.StatusCodeShouldBe(200);
            s.Header("Content-Type").ShouldHaveValues("text/event-stream");
        });
        return Parse(await result.ReadAsTextAsync());
    }

    /// <summary>The next event of a stream being read as it comes, or null once the stream ended.</summary>
    public static async Task<(string Name, JsonElement Data)?> NextAsync(StreamReader stream)
    {
        var block = new List<string>();
        while (await stream.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().Bounded() is { } line)
        {
            if (line.Length > 0) block.Add(line);
            else if (block.Count > 0) return Parse(string.Join('\n', block)).Single();
        }
        return block.Count > 0 ? Parse(string.Join('\n', block)).Single() : null;
    }
}
