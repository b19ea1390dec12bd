using System.Text.Json;
using System.Text.RegularExpressions;

namespace Promptmark.Api.Engines.Playbooks.Execution;

/// <summary><c>{{name}}</c> placeholders in step text: a known name is replaced, an unknown one stays as written (spec/execution.md).</summary>
public static partial class Interpolation
{
    [GeneratedRegex(@"\{\{\s*(\w+)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\{\{\s*(\w+)\s*\}\}$")]
    private static partial Regex WholePlaceholder();

    public static string Render(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    /// <summary>For text inside JSON string literals (<c>@tool</c> arguments): each value is escaped so the JSON stays JSON.</summary>
    public static string RenderJson(string json, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(json, m => values.TryGetValue(m.Groups[1].Value, out var value) ? JsonSerializer.Serialize(value)[1..^1] : m.Value);

    /// <summary>The name in a text that is nothing but one placeholder (<c>@prompt({{name}})</c>), or null.</summary>
    public static string? SoleName(string text) => WholePlaceholder().Match(text.Trim()) is { Success: true } m ? m.Groups[1].Value : null;
}
