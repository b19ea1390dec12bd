using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>Reads a server's whole tool list page by page, within limits that stop a server that never ends.</summary>
internal static class ToolPages
{
    public const int MaxPages = 100;
    public const int MaxTools = 5000;

    public static async Task<RemoteToolList> ReadAllAsync(McpClient client, CancellationToken cancellationToken)
    {
        var tools = new List<RemoteTool>();
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await client.ListToolsAsync(new ListToolsRequestParams { Cursor = cursor }, cancellationToken);
            tools.AddRange(result.Tools.Select(tool => new RemoteTool(tool.Name, tool.Title, tool.Description, tool.InputSchema.Clone())));
            if (tools.Count > MaxTools)
                throw new RemoteServerException($"the server's tool list is too large (more than {MaxTools} tools)");

            cursor = result.NextCursor;
            if (string.IsNullOrEmpty(cursor))
                return new RemoteToolList(client.ServerInfo?.Name, client.ServerInfo?.Version, tools);
        }

        throw new RemoteServerException($"the server's tool list is too large (more than {MaxPages} pages)");
    }
}
