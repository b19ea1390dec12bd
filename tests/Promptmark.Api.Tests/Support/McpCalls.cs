using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Promptmark.Api.Tests.Support;

public static class McpCalls
{
    /// <summary>Calls a tool and returns its JSON answer, failing the test when the tool reports an error.</summary>
    public static async Task<JsonElement> CallJsonAsync(this McpClient client, string tool, object? arguments = null)
    {
        var result = await client.CallAsync(tool, arguments);
        result.IsError.ShouldNotBe(true, Text(result));
        return JsonDocument.Parse(Text(result)).RootElement.Clone();
    }

    /// <summary>Calls a tool that must fail and returns the error text it gave.</summary>
    public static async Task<string> CallErrorAsync(this McpClient client, string tool, object? arguments = null)
    {
        var result = await client.CallAsync(tool, arguments);
        result.IsError.ShouldBe(true, Text(result));
        return Text(result);
    }

    public static Task<CallToolResult> CallAsync(this McpClient client, string tool, object? arguments) =>
        client.CallToolAsync(tool, ToArguments(arguments), cancellationToken: TestContext.Current.CancellationToken).Bounded();

    public static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));

    private static IReadOnlyDictionary<string, object?> ToArguments(object? arguments) =>
        arguments is null
            ? new Dictionary<string, object?>()
            : JsonSerializer.SerializeToElement(arguments).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
}
