using System.Text.RegularExpressions;

namespace Promptmark.Api.Engines.Playbooks;

/// <summary>The <c>## INPUTS</c> list (spec/inputs.md): <c>- `name` (type[: default or enum options]): description</c>.</summary>
public static partial class InputSection
{
    [GeneratedRegex(@"^-\s+`([a-zA-Z][a-zA-Z0-9_]*)`\s+\(([^)]+)\)(?::\s*(.+))?$")]
    private static partial Regex InputLine();

    /// <summary>Adds the section's inputs to <paramref name="inputs"/>; a repeated name is a fatal error.</summary>
    public static void Read(Section section, List<PlaybookInput> inputs, Diagnostics diagnostics)
    {
        foreach (var line in section.Lines)
        {
            var text = line.Trimmed;
            if (line.InCode || !(text.StartsWith('-') || text.StartsWith('*'))) continue;
            var match = InputLine().Match(text);
            if (!match.Success)
            {
                diagnostics.Warn(line, "Malformed input line (ignored): expected - `name` (type): description");
                continue;
            }
            var name = match.Groups[1].Value;
            if (inputs.Any(i => i.Name == name))
            {
                diagnostics.Fail(line.Number, line.FirstColumn + match.Groups[1].Index, $"Duplicate input name \"{name}\"");
                continue;
            }
            inputs.Add(InputOf(name, match.Groups[2].Value, match.Groups[3].Value.Trim(), line.Number));
        }
    }

    /// <summary>
    /// After the colon an enum lists its options; any other type gives its default, and an input with a default is
    /// optional. Enums stay required: the vectors say so, and the spec gives them no default.
    /// </summary>
    private static PlaybookInput InputOf(string name, string typeSpec, string description, int line)
    {
        var colon = typeSpec.IndexOf(':');
        var type = ValueTypes.OfInput(colon < 0 ? typeSpec : typeSpec[..colon]);
        var value = colon < 0 ? "" : typeSpec[(colon + 1)..].Trim();
        if (type == ValueTypes.Enum)
        {
            var options = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return new PlaybookInput(name, type, null, options.Length > 0 ? options : null, description, true, line);
        }
        return new PlaybookInput(name, type, value.Length > 0 ? value : null, null, description, value.Length == 0, line);
    }
}
