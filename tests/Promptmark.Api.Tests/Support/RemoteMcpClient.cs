using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Promptmark.Api.Tests.Support;

/// <summary>The MCP C# SDK client talking to a real remote server over loopback (no Promptmark in between).</summary>
public static class RemoteMcpClient
{
    public static Task<McpClient> ConnectAsync(Uri endpoint, EverythingTransport transport, IDictionary<string, string>? headers = null)
    {
        var options = new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = transport == EverythingTransport.Sse ? HttpTransportMode.Sse : HttpTransportMode.StreamableHttp,
            AdditionalHeaders = headers,
        };
        // No proxy from the environment: the traffic must go straight to 127.0.0.1.
        var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        return McpClient.CreateAsync(new HttpClientTransport(options, http, NullLoggerFactory.Instance, ownsHttpClient: true),
            new McpClientOptions { ProtocolVersion = "2025-11-25" });
    }

    /// <summary>Every tool name, page after page.</summary>
    public static async Task<List<string>> ListAllToolNamesAsync(this McpClient client)
    {
        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.ListToolsAsync(new ListToolsRequestParams { Cursor = cursor });
            names.AddRange(page.Tools.Select(t => t.Name));
            cursor = page.NextCursor;
        } while (cursor is not null);
        return names;
    }
}
