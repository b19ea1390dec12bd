namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>A run of literal content, or a slot for the variable at <see cref="VariableIndex"/>.</summary>
internal readonly record struct TemplateSegment(int Start, int Length, int VariableIndex)
{
    public bool IsLiteral => VariableIndex < 0;

    public static TemplateSegment Literal(int start, int length) => new(start, length, -1);

    public static TemplateSegment Slot(int variableIndex) => new(0, 0, variableIndex);
}
