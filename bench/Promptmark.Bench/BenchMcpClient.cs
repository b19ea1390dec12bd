using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Promptmark.Bench;

/// <summary>The MCP C# SDK client every MCP measurement uses: Streamable HTTP, protocol 2025-11-25.</summary>
public static class BenchMcpClient
{
    public static async Task<McpClient> ConnectAsync(Uri endpoint, HttpClient http)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp,
        }, http, NullLoggerFactory.Instance, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2025-11-25" });
    }

    /// <summary>Calls a tool and fails the run when the result is an error.</summary>
    public static async Task CallToolOrThrowAsync(this McpClient client, string tool, IReadOnlyDictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments);
        if (result.IsError == true) throw new InvalidOperationException(((TextContentBlock)result.Content[0]).Text);
    }
}
