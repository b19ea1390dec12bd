namespace Promptmark.Api.Features.Prompts.Templates;

public sealed record InputCheck(IReadOnlyList<InputProblem> Errors, IReadOnlyList<InputProblem> Warnings)
{
    public bool Valid => Errors.Count == 0;
}
