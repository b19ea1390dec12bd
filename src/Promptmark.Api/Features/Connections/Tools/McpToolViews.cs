using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Tools;

/// <summary>A cached tool in lists: enough to browse and pick, favourites first.</summary>
public sealed record McpToolSummary(string Name, string? Title, string? Description, int ParameterCount, bool IsFavorite)
{
    public static McpToolSummary Of(McpTool t) => new(t.Name, t.Title, t.Description, t.ParameterCount, t.IsFavorite);

    /// <summary>Favourites first, then by name.</summary>
    public static IReadOnlyList<McpToolSummary> Ordered(IEnumerable<McpTool> tools) =>
        tools.OrderByDescending(t => t.IsFavorite).ThenBy(t => t.Name, StringComparer.Ordinal).Select(Of).ToList();
}

/// <summary>One cached tool with its full input schema.</summary>
public sealed record McpToolView(
    Guid ConnectionId, string Name, string? Title, string? Description, JsonElement InputSchema, int ParameterCount,
    bool IsFavorite, DateTimeOffset CachedAt)
{
    public static McpToolView Of(McpTool t) =>
        new(t.ConnectionId, t.Name, t.Title, t.Description, t.Schema(), t.ParameterCount, t.IsFavorite, t.CachedAt);
}

public sealed record McpToolList(Guid ConnectionId, IReadOnlyList<McpToolSummary> Tools, DateTimeOffset? CachedAt);
