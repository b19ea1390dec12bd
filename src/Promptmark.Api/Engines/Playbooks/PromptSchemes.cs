using System.Text.RegularExpressions;

namespace Promptmark.Api.Engines.Playbooks;

/// <summary>The schemes of <c>@prompt(scheme:identifier)</c> (spec/directives.md): library, file and mcp.</summary>
public static partial class PromptSchemes
{
    static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase) { "library", "file", "mcp" };

    [GeneratedRegex(@"^\{\{\w+\}\}$")]
    private static partial Regex VariableForm();

    /// <summary>Why the reference is ignored, or null when it stands: an unknown scheme, or a file path leaving the playbook's folder.</summary>
    public static string? Refusal(string argument)
    {
        if (VariableForm().IsMatch(argument)) return null;
        var colon = argument.IndexOf(':');
        if (colon < 0) return null;
        var scheme = argument[..colon];
        if (!Known.Contains(scheme))
            return $"Unrecognized prompt scheme \"{scheme}\" (directive ignored): use library:, file: or mcp:";
        var path = argument[(colon + 1)..].Replace('\\', '/');
        if (scheme.Equals("file", StringComparison.OrdinalIgnoreCase) && (path.StartsWith('/') || path.Contains(':') || path.Split('/').Contains("..")))
            return "file: prompt paths must be relative to the playbook, without \"..\" (directive ignored)";
        return null;
    }
}
