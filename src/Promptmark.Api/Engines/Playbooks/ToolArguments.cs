namespace Promptmark.Api.Engines.Playbooks;

/// <summary>
/// Splits the inside of <c>@tool(...)</c> on its first two commas: a connection name (bare, or double-quoted when it
/// holds spaces or commas), a bare tool name, and everything after as the JSON arguments, kept as written.
/// </summary>
public static class ToolArguments
{
    public static ToolCall? Split(string inside)
    {
        var (connection, rest) = NextPart(inside);
        if (connection.Length == 0 || rest is null) return null;
        var (tool, arguments) = NextPart(rest);
        if (tool.Length == 0) return null;
        var json = arguments?.Trim();
        return new ToolCall(connection, tool, string.IsNullOrEmpty(json) ? null : json);
    }

    /// <summary>The next name and what follows its comma (null when no comma follows).</summary>
    private static (string Name, string? Remainder) NextPart(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('"'))
        {
            var close = trimmed.IndexOf('"', 1);
            if (close < 0) return ("", null);
            var after = trimmed[(close + 1)..].TrimStart();
            if (after.Length > 0 && after[0] != ',') return ("", null);
            return (trimmed[1..close].Trim(), after.Length == 0 ? null : after[1..]);
        }
        var comma = trimmed.IndexOf(',');
        return comma < 0 ? (trimmed.Trim(), null) : (trimmed[..comma].Trim(), trimmed[(comma + 1)..]);
    }
}
