using System.Text.Json;

namespace Promptmark.Api.Tests.Support;

/// <summary>The product documents in <c>shared/reference</c>, found beside the repository (or in it) from the test binaries.</summary>
public static class SharedReference
{
    public static string PathOf(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", file);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"shared/reference/{file} was not found above {AppContext.BaseDirectory}");
    }

    public static IReadOnlyList<ReferenceTool> Tools() =>
        JsonSerializer.Deserialize<List<ReferenceTool>>(File.ReadAllText(PathOf("mcp-tools.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
}

public sealed record ReferenceTool(string Name, string Category, string Description, List<ReferenceParameter> Parameters);

public sealed record ReferenceParameter(string Name, string Type, bool Required, string Description, List<ReferenceParameter>? Items);
