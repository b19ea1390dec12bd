using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Marten;
using Promptmark.Api.Features.Prompts.Templates;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Prompts;

[Description("Validate variable values before rendering.")]
public sealed record ValidatePromptInputs : PrivateInput, ISlice<InputValidation>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/prompts/{id}/validate")
        .AsTool("validate_prompt_inputs", "Validate prompt inputs", ToolHints.Reads).MayAnswer(422)
        .Described("Check variable values against the template: every problem at once, unknown variables as warnings; 422 when the rendered text would pass the configured length cap");

    [Required, Description("Prompt template ID")]
    public string Id { get; init; } = "";

    [Required, Description("Key-value pairs to validate")]
    public JsonElement Variables { get; init; }
}

public sealed record InputValidation(bool Valid, IReadOnlyList<InputProblem> Errors, IReadOnlyList<InputProblem> Warnings)
{
    public static InputValidation Of(InputCheck check) => new(check.Valid, check.Errors, check.Warnings);
}

public static class ValidatePromptInputsHandler
{
    public static async Task<InputValidation> Handle(ValidatePromptInputs query, IDocumentSession session, TemplateLimit limit, CancellationToken ct)
    {
        var prompt = await session.LoadReadablePromptAsync(query.Id, ct);
        var template = TemplateCache.Parse(prompt.Content);
        return InputValidation.Of(limit.Apply(maxLength => template.Validate(TemplateInputs.Read(query.Variables), maxLength)));
    }
}
