using System.Text.RegularExpressions;

namespace Promptmark.Api.Engines.Playbooks;

/// <summary>The <c>## ARTIFACTS</c> (or <c>## OUTPUT</c>) section (spec/artifacts.md): one <c>type: name</c> line.</summary>
public static partial class ArtifactSection
{
    public static readonly IReadOnlyList<string> Types = ["markdown", "json", "mermaid", "chartjs", "html_css", "javascript", "typescript"];

    [GeneratedRegex(@"^type:\s*(\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^\{\{(\w+)\}\}$")]
    private static partial Regex Variable();

    /// <summary>The declared type in lower case, a <c>{{variable}}</c> resolved when the playbook runs, or "" when none stands.</summary>
    public static string Read(Section section, ISet<string> variables, Diagnostics diagnostics)
    {
        foreach (var line in section.Lines)
        {
            if (line.InCode || TypeLine().Match(line.Trimmed) is not { Success: true } match) continue;
            var written = match.Groups[1].Value;
            if (Types.Contains(written.ToLowerInvariant())) return written.ToLowerInvariant();
            if (Variable().Match(written) is { Success: true } variable)
            {
                if (!variables.Contains(variable.Groups[1].Value))
                    diagnostics.Warn(line, $"Artifact type variable \"{variable.Groups[1].Value}\" is neither an input nor an @output");
                return written;
            }
            diagnostics.Warn(line, $"Unknown artifact type \"{written}\" (ignored): valid types are {string.Join(", ", Types)}");
            return "";
        }
        return "";
    }
}
