using System.Text.Json;

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
}
