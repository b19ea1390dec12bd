namespace Promptmark.Api.Engines.Playbooks;

/// <summary>The variables a branch condition may name at a point of the document: the inputs and the outputs captured before it.</summary>
public sealed class VariableScope(IEnumerable<string> inputs)
{
    private readonly HashSet<string> inputs = [.. inputs];
    private readonly HashSet<string> outputs = [];

    public void Capture(string output)
    {
        if (output.Length > 0) outputs.Add(output);
    }

    /// <summary>input, step_output, or undeclared (a warning; the condition then compares against "").</summary>
    public string SourceOf(string variable) =>
        inputs.Contains(variable) ? "input" : outputs.Contains(variable) ? "step_output" : "undeclared";

    public ISet<string> All => inputs.Union(outputs).ToHashSet();
}
