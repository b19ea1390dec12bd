namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>A slot for the variable at <see cref="VariableIndex"/>, with the run of literal content just before it.</summary>
internal readonly record struct TemplateSlot(int LiteralStart, int LiteralLength, int VariableIndex);
