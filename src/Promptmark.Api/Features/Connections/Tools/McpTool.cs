using System.Text.Json;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;

namespace Promptmark.Api.Features.Connections.Tools;

/// <summary>
/// One tool of a connection's remote server as last discovered: the cache that browsing, favourites and argument
/// checks read without a live connection. Refreshing keeps the favourite flag of tools that are still offered.
/// </summary>
public sealed class McpTool
{
    public Guid Id { get; set; }
    public Guid ConnectionId { get; set; }
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public string? Description { get; set; }

    /// <summary>The tool's JSON Schema exactly as the server published it.</summary>
    public string InputSchema { get; set; } = "{}";

    public int ParameterCount { get; set; }
    public bool IsFavorite { get; set; }
    public DateTimeOffset CachedAt { get; set; }

    public JsonElement Schema()
    {
        using var document = JsonDocument.Parse(InputSchema);
        return document.RootElement.Clone();
    }

    public static int CountParameters(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().Count()
            : 0;
}

public sealed class McpToolStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Schema.For<McpTool>()
            .Index(t => t.ConnectionId)
            .UniqueIndex(UniqueIndexType.Computed, "uq_mcp_tool_name_per_connection", TenancyScope.PerTenant, t => t.ConnectionId, t => t.Name);
}
