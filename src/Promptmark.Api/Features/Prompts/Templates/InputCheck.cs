namespace Promptmark.Api.Features.Prompts.Templates;

public sealed record InputCheck(IReadOnlyList<InputProblem> Errors, IReadOnlyList<InputProblem> Warnings)
{
    public static readonly InputCheck Clean = new([], []);

    public bool Valid => Errors.Count == 0;
}
