using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Promptmark.Api.Tests.Connections.Remote;

public static class Arguments
{
    public static IReadOnlyDictionary<string, JsonElement> Of(params (string Name, object Value)[] arguments) =>
        arguments.ToDictionary(argument => argument.Name, argument => JsonSerializer.SerializeToElement(argument.Value));

    public static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));
}

/// <summary>Keeps every progress value, on the reporting thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
public sealed class RecordingProgress : IProgress<ModelContextProtocol.ProgressNotificationValue>
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<float> values = new();

    public IReadOnlyList<float> Values => [.. values];

    public void Report(ModelContextProtocol.ProgressNotificationValue value) => values.Enqueue(value.Progress);
}
