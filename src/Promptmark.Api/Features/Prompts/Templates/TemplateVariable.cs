namespace Promptmark.Api.Features.Prompts.Templates;

public sealed record TemplateVariable(string Name, VariableType Type, string? Default, IReadOnlyList<string> Options)
{
    public bool Required => Default is null;

    internal bool DeclaresSameAs(TemplateVariable other) =>
        Type == other.Type
        && Default == other.Default
        && Options.SequenceEqual(other.Options, StringComparer.Ordinal);
}
