using System.Text.Json;

namespace Promptmark.Api.Tests.Support;

/// <summary>
/// The MCP tool contract as data: <c>docs/reference/mcp-tools.json</c>, copied beside the test binaries by the
/// test project (so a fresh clone needs nothing outside the repository).
/// </summary>
public static class ToolContractReference
{
    private static readonly string FilePath = Path.Combine(AppContext.BaseDirectory, "reference", "mcp-tools.json");

    public static IReadOnlyList<ReferenceTool> Tools() =>
        JsonSerializer.Deserialize<List<ReferenceTool>>(File.ReadAllText(FilePath), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
}

public sealed record ReferenceTool(string Name, string Category, string Description, List<ReferenceParameter> Parameters);

public sealed record ReferenceParameter(string Name, string Type, bool Required, string Description, List<ReferenceParameter>? Items);
