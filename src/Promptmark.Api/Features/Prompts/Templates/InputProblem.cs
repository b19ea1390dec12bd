namespace Promptmark.Api.Features.Prompts.Templates;

public sealed record InputProblem(string Variable, string Message);
