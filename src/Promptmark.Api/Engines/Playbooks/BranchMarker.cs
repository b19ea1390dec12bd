using System.Text.RegularExpressions;

namespace Promptmark.Api.Engines.Playbooks;

public enum MarkerKind { If, Elif, Else, Endif }

/// <summary>A branch marker line (spec/branching.md): <c>```if var == "value"```</c>, <c>```elif ...```</c>, <c>```else```</c>, <c>```endif```</c>.</summary>
public sealed partial record BranchMarker(MarkerKind Kind, SourceLine Line, string Variable, string Operator, string Value, int VariableColumn)
{
    [GeneratedRegex(@"^```(if|elif)\s+(\w+)\s*(==|!=)\s*""([^""]*)""\s*```$")]
    private static partial Regex ConditionMarker();

    [GeneratedRegex(@"^```(if|elif)\b.*```$")]
    private static partial Regex ConditionLike();

    /// <summary>The marker on the line, or null; a line shaped like a condition that does not parse is reported.</summary>
    public static BranchMarker? Of(SourceLine line, Diagnostics diagnostics)
    {
        var text = line.Trimmed;
        if (text == "```else```") return new(MarkerKind.Else, line, "", "", "", 0);
        if (text == "```endif```") return new(MarkerKind.Endif, line, "", "", "", 0);
        if (ConditionMarker().Match(text) is { Success: true } match)
            return new(match.Groups[1].Value == "if" ? MarkerKind.If : MarkerKind.Elif, line,
                match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value, line.FirstColumn + match.Groups[2].Index);
        if (ConditionLike().IsMatch(text))
            diagnostics.Warn(line, "Malformed branch condition (ignored): expected ```if variable == \"value\"``` or != with a double-quoted value");
        return null;
    }
}
