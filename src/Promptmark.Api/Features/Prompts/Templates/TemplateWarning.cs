namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>Something in the content that looks like a variable but is not one; <see cref="Position"/> is the zero-based character index.</summary>
public sealed record TemplateWarning(int Position, string Text, string Message);
