namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>The rendered text, or null when the inputs were refused (see <see cref="Check"/>).</summary>
public sealed record RenderResult(string? Text, InputCheck Check);
