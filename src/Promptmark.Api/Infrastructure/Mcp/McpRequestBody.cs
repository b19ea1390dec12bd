using System.Text.Json;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>A <c>POST /mcp</c> body read ahead of the MCP server, which then reads it again from the start.</summary>
public static class McpRequestBody
{
    /// <summary>The body as JSON, or null when it is not; either way it is buffered and rewound for the MCP server.</summary>
    public static async Task<JsonDocument?> ReadJsonAsync(HttpRequest request)
    {
        request.EnableBuffering();
        try
        {
            return await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
