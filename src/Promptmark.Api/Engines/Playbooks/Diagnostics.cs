namespace Promptmark.Api.Engines.Playbooks;

/// <summary>The warnings and errors gathered while parsing one document.</summary>
public sealed class Diagnostics
{
    public List<PlaybookDiagnostic> Warnings { get; } = [];
    public List<PlaybookDiagnostic> Errors { get; } = [];

    public void Warn(SourceLine line, string message, int? column = null) => Warnings.Add(new(line.Number, column ?? line.FirstColumn, message));

    public void Fail(int line, int column, string message) => Errors.Add(new(line, column, message));
}
