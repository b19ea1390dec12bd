using System.Text.RegularExpressions;

namespace Promptmark.Api.Engines.Playbooks;

/// <summary>
/// The directives of one step or sub-step (spec/directives.md). A directive is a whole line, outside code blocks,
/// starting with <c>@output(</c>, <c>@elicit(</c>, <c>@prompt(</c> or <c>@tool(</c>; each such line leaves the
/// prompt text, and one that does not parse is reported and ignored. Of each directive the last one wins.
/// </summary>
public sealed partial class StepDirectives
{
    public string OutputVar { get; private set; } = "";
    public string? OutputType { get; private set; }
    public IReadOnlyList<string>? OutputOptions { get; private set; }
    public string ExtractField { get; private set; } = "";
    public Elicitation? Elicitation { get; private set; }
    public ToolCall? ToolCall { get; private set; }
    public PromptReference? PromptRef { get; private set; }

    /// <summary>Numbers of the lines that were directives.</summary>
    public HashSet<int> Lines { get; } = [];

    [GeneratedRegex(@"^@output\((\w+)(?:\s*:\s*(\w+))?((?:,\s*""[^""]*"")*)?(?:,\s*extract:""(\w+)"")?\)\s*$")]
    private static partial Regex OutputPattern();

    [GeneratedRegex(@"^@elicit\((\w+)(?:,\s*(.+))?\)$")]
    private static partial Regex ElicitPattern();

    [GeneratedRegex(@"^@prompt\((.+)\)$")]
    private static partial Regex PromptPattern();

    [GeneratedRegex(@"^@tool\((.+)\)$")]
    private static partial Regex ToolPattern();

    [GeneratedRegex(@"""([^""]*)""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^@(output|elicit|prompt|tool)\(")]
    private static partial Regex DirectiveStart();

    static readonly HashSet<string> ElicitTypes = ["input", "confirm", "select"];

    public static StepDirectives Of(IEnumerable<SourceLine> lines, Diagnostics diagnostics)
    {
        var directives = new StepDirectives();
        foreach (var line in lines)
        {
            if (line.InCode || DirectiveStart().Match(line.Trimmed) is not { Success: true } start) continue;
            directives.Lines.Add(line.Number);
            var text = line.Trimmed;
            switch (start.Groups[1].Value)
            {
                case "output": directives.ReadOutput(line, text, diagnostics); break;
                case "elicit": directives.ReadElicit(line, text, diagnostics); break;
                case "prompt": directives.ReadPrompt(line, text, diagnostics); break;
                default: directives.ReadTool(line, text, diagnostics); break;
            }
        }
        return directives;
    }

    private void ReadOutput(SourceLine line, string text, Diagnostics diagnostics)
    {
        var match = OutputPattern().Match(text);
        if (!match.Success)
        {
            diagnostics.Warn(line, "Malformed @output directive (ignored): expected @output(name), @output(name: type), " +
                                   "@output(name: enum, \"a\", \"b\") or @output(name, extract:\"field\")");
            return;
        }
        OutputVar = match.Groups[1].Value;
        OutputType = match.Groups[2].Success ? ValueTypes.OfOutput(match.Groups[2].Value) : null;
        var options = Quoted().Matches(match.Groups[3].Value).Select(m => m.Groups[1].Value).ToList();
        OutputOptions = options.Count > 0 ? options : null;
        ExtractField = match.Groups[4].Value;
    }

    private void ReadElicit(SourceLine line, string text, Diagnostics diagnostics)
    {
        var match = ElicitPattern().Match(text);
        if (!match.Success)
        {
            diagnostics.Warn(line, "Malformed @elicit directive (ignored): expected @elicit(type, \"prompt\"[, \"option\", ...])");
            return;
        }
        var type = match.Groups[1].Value.ToLowerInvariant();
        if (!ElicitTypes.Contains(type))
        {
            diagnostics.Warn(line, $"Invalid elicit type \"{match.Groups[1].Value}\" (directive ignored): use input, confirm or select");
            return;
        }
        var quoted = Quoted().Matches(match.Groups[2].Value).Select(m => m.Groups[1].Value).ToList();
        var options = type == "select" && quoted.Count > 1 ? quoted[1..] : null;
        if (type == "select" && options is null) diagnostics.Warn(line, "@elicit(select, ...) lists no options: add them as quoted strings after the prompt");
        Elicitation = new Elicitation(type, quoted.FirstOrDefault() ?? "", options);
    }

    private void ReadPrompt(SourceLine line, string text, Diagnostics diagnostics)
    {
        var match = PromptPattern().Match(text);
        var argument = match.Success ? match.Groups[1].Value.Trim() : "";
        if (argument.Length == 0)
        {
            diagnostics.Warn(line, "Malformed @prompt directive (ignored): expected @prompt(scheme:identifier), @prompt(identifier) or @prompt({{variable}})");
            return;
        }
        if (PromptSchemes.Refusal(argument) is { } refusal)
        {
            diagnostics.Warn(line, refusal);
            return;
        }
        PromptRef = new PromptReference(argument);
    }

    private void ReadTool(SourceLine line, string text, Diagnostics diagnostics)
    {
        var match = ToolPattern().Match(text);
        var call = match.Success ? ToolArguments.Split(match.Groups[1].Value) : null;
        if (call is null)
        {
            diagnostics.Warn(line, "Malformed @tool directive (ignored): expected @tool(connection, tool_name) or @tool(connection, tool_name, {\"key\": \"value\"})");
            return;
        }
        ToolCall = call;
    }
}
