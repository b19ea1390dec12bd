using System.Globalization;
using System.Text.RegularExpressions;

namespace Promptmark.Api.Engines.Playbooks;

/// <summary>
/// A <c>## STEP N: Title</c> section (spec/steps.md, spec/branching.md): its text and directives, and at most one
/// branch block whose arms hold <c>### STEP Na: Title</c> sub-steps. Blocks do not nest.
/// </summary>
public static partial class StepSection
{
    [GeneratedRegex(@"^###\s+STEP\s+(\d+[a-z]):\s+(.+)$")]
    private static partial Regex SubStepHeading();

    private sealed record Arm(BranchMarker Marker, List<SourceLine> Lines);

    /// <summary>The step, or null when its number is too large to be one (reported).</summary>
    public static PlaybookStep? Read(Section section, PlaybookSource source, VariableScope scope, Diagnostics diagnostics)
    {
        var heading = section.HeadingMatch;
        if (!int.TryParse(heading.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            diagnostics.Warn(section.Heading, $"Step number {heading.Groups[1].Value} is too large (section ignored)");
            return null;
        }
        var (outside, arms) = SplitBranches(section.Lines, diagnostics);
        var directives = StepDirectives.Of(outside, diagnostics);
        scope.Capture(directives.OutputVar);
        var branches = arms.Select(arm => BranchOf(arm, number, source, scope, diagnostics)).ToList();
        foreach (var sub in branches.SelectMany(b => b.Steps)) scope.Capture(sub.OutputVar);
        return StepOf(number, number.ToString(CultureInfo.InvariantCulture), heading.Groups[2].Value.Trim(), outside, directives,
            branches.Count > 0 ? branches : null, section.Heading.Number);
    }

    private static (List<SourceLine> Outside, List<Arm> Arms) SplitBranches(IReadOnlyList<SourceLine> lines, Diagnostics diagnostics)
    {
        var outside = new List<SourceLine>();
        var arms = new List<Arm>();
        Arm? open = null;
        BranchMarker? opening = null;
        foreach (var line in lines)
        {
            var marker = line.InCode ? null : BranchMarker.Of(line, diagnostics);
            if (marker is null)
            {
                (open?.Lines ?? outside).Add(line);
                continue;
            }
            switch (marker.Kind)
            {
                case MarkerKind.If:
                    if (opening is not null)
                        diagnostics.Warn(line, open is not null
                            ? $"Branch blocks do not nest: the block opened at line {opening.Line.Number} has no ```endif``` before this ```if```"
                            : "A step holds one branch block: move this one to a step of its own");
                    opening = marker;
                    arms.Add(open = new Arm(marker, []));
                    break;
                case MarkerKind.Elif or MarkerKind.Else when open is null:
                    diagnostics.Warn(line, $"```{marker.Kind.ToString().ToLowerInvariant()}``` outside an ```if``` block (ignored)");
                    break;
                case MarkerKind.Elif or MarkerKind.Else:
                    arms.Add(open = new Arm(marker, []));
                    break;
                default:
                    if (open is null) diagnostics.Warn(line, "```endif``` without an ```if``` (ignored)");
                    open = null;
                    break;
            }
        }
        if (open is not null && opening is not null) diagnostics.Warn(opening.Line, "This ```if``` block has no closing ```endif```");
        return (outside, arms);
    }

    private static PlaybookBranch BranchOf(Arm arm, int number, PlaybookSource source, VariableScope scope, Diagnostics diagnostics)
    {
        var marker = arm.Marker;
        BranchCondition? condition = null;
        if (marker.Kind != MarkerKind.Else)
        {
            condition = new BranchCondition(marker.Variable, marker.Operator, marker.Value, scope.SourceOf(marker.Variable));
            if (condition.Source == "undeclared")
                diagnostics.Warn(marker.Line, $"Undeclared branch variable \"{marker.Variable}\": declare it in ## INPUTS or capture it with @output in an earlier step",
                    marker.VariableColumn);
        }
        return new PlaybookBranch(condition, SubSteps(arm.Lines, number, source, diagnostics));
    }

    private static List<PlaybookStep> SubSteps(List<SourceLine> lines, int number, PlaybookSource source, Diagnostics diagnostics)
    {
        var steps = new List<PlaybookStep>();
        (SourceLine Line, Match Match, List<SourceLine> Body)? current = null;
        SourceLine? stray = null;
        foreach (var line in lines)
        {
            if (source.Heading(line, 3, SubStepHeading()) is { } match)
            {
                if (current is { } done) steps.Add(SubStepOf(done.Line, done.Match, done.Body, number, diagnostics));
                current = (line, match, []);
            }
            else if (current is { } open) open.Body.Add(line);
            else if (!line.IsBlank) stray ??= line;
        }
        if (current is { } last) steps.Add(SubStepOf(last.Line, last.Match, last.Body, number, diagnostics));
        if (stray is not null) diagnostics.Warn(stray, "Text in a branch before its first ### STEP heading belongs to no step (ignored)");
        return steps;
    }

    private static PlaybookStep SubStepOf(SourceLine heading, Match match, List<SourceLine> body, int number, Diagnostics diagnostics)
    {
        var label = match.Groups[1].Value;
        if (label[..^1] != number.ToString(CultureInfo.InvariantCulture))
            diagnostics.Warn(heading, $"Sub-step {label} is inside step {number}: label it {number}{label[^1]}");
        return StepOf(number, label, match.Groups[2].Value.Trim(), body, StepDirectives.Of(body, diagnostics), null, heading.Number);
    }

    private static PlaybookStep StepOf(int number, string label, string title, IReadOnlyList<SourceLine> body, StepDirectives directives,
        IReadOnlyList<PlaybookBranch>? branches, int line) =>
        new(number, label, title, ContentText.Without(body, directives.Lines), directives.PromptRef, directives.OutputVar,
            directives.OutputType, directives.OutputOptions, directives.ExtractField, directives.Elicitation, directives.ToolCall,
            branches is not null, branches, line);
}
