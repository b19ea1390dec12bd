using System.Globalization;
using System.Text;

namespace Promptmark.Api.Engines.Playbooks;

/// <summary>
/// Parses a PLAYBOOK.md document (spec v0.1.0-draft, docs/reference/playbook-spec) at the spec's Parse level:
/// Markdig finds the headings and code blocks, plain code reads the sections and directives. Fatal errors leave no
/// definition; everything else is a warning. Where the prose and the vectors differ the vectors are followed
/// (docs/playbooks.md lists each case).
/// </summary>
public static class PlaybookParser
{
    public const int MaxBytes = 200_000;

    public const string NoTitle = "No title found: document must contain a level-1 heading (# Title)";
    public const string NoSteps = "No steps found: document must contain at least one ## STEP heading";

    public static PlaybookParseResult Parse(string markdown)
    {
        var diagnostics = new Diagnostics();
        var bytes = Encoding.UTF8.GetByteCount(markdown);
        if (bytes > MaxBytes)
            diagnostics.Fail(1, 1, $"Document exceeds {MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes " +
                                   $"(it has {bytes.ToString("N0", CultureInfo.InvariantCulture)})");
        else if (string.IsNullOrWhiteSpace(markdown))
            diagnostics.Fail(1, 1, "Document is empty");
        if (diagnostics.Errors.Count > 0) return Result(null, diagnostics);

        var source = PlaybookSource.Read(markdown);
        var layout = PlaybookLayout.Of(source);
        var inputs = new List<PlaybookInput>();
        foreach (var section in layout.Sections.Where(s => s.Kind == SectionKind.Inputs)) InputSection.Read(section, inputs, diagnostics);

        var scope = new VariableScope(inputs.Select(i => i.Name));
        var steps = layout.Sections.Where(s => s.Kind == SectionKind.Step)
            .Select(s => StepSection.Read(s, source, scope, diagnostics)).OfType<PlaybookStep>().ToList();
        WarnOnNumbering(steps, diagnostics);
        var artifactType = layout.Sections.Where(s => s.Kind == SectionKind.Artifacts)
            .Select(s => ArtifactSection.Read(s, scope.All, diagnostics)).LastOrDefault() ?? "";
        var systemPrompt = layout.Sections.LastOrDefault(s => s.Kind == SectionKind.System) is { } system ? ContentText.Of(system.Lines) : "";

        if (layout.TitleLine is null) diagnostics.Fail(1, 1, NoTitle);
        if (steps.Count == 0) diagnostics.Fail(layout.TitleLine?.Number ?? 1, 1, NoSteps);
        if (diagnostics.Errors.Count > 0) return Result(null, diagnostics);

        return Result(new PlaybookDefinition(layout.Title, ContentText.Of(layout.DescriptionLines), systemPrompt, inputs, steps, artifactType), diagnostics);
    }

    /// <summary>Each step should be numbered one past the step before it (the first one 1); every break is reported at the step that breaks.</summary>
    private static void WarnOnNumbering(List<PlaybookStep> steps, Diagnostics diagnostics)
    {
        var expected = 1;
        foreach (var step in steps)
        {
            if (step.Number != expected)
                diagnostics.Warnings.Add(new(step.Line, 1, $"Non-sequential step number: expected {expected}, got {step.Number}"));
            expected = step.Number + 1;
        }
    }

    private static PlaybookParseResult Result(PlaybookDefinition? definition, Diagnostics diagnostics) =>
        new(definition, diagnostics.Warnings.OrderBy(w => w.Line).ThenBy(w => w.Column).ToList(), diagnostics.Errors);
}
