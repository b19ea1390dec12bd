using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Versions;

[Description("Point a label such as production or staging at one of a prompt's versions (the current one included), moving it if it pointed elsewhere.")]
public sealed record LabelPromptVersion : PrivateInput, ISlice<PromptLabels>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Put("/api/prompts/{prompt_id}/labels/{label}").MayAnswer(422)
        .Described("Set or move a label to a version number; MCP prompts/get serves the version labelled production when there is one. " +
                   "422 when the version does not exist or the prompt already has 20 labels");

    [Required, Description("Prompt ID")]
    public string PromptId { get; init; } = "";

    [Required, Description("The label: lowercase letters, digits, - and _, e.g. production or staging")]
    public string Label { get; init; } = "";

    [Required, Description("The version number it points at, from 1 to the prompt's current version")]
    public int? Version { get; init; }

    public void Validate(InputErrors errors) => LabelNames.Check(Label, errors);
}

public static class LabelPromptVersionHandler
{
    public static async Task<PromptLabels> Handle(LabelPromptVersion command, IDocumentSession session, CancellationToken ct)
    {
        var prompt = await session.LoadOwnedPromptAsync(command.PromptId, ct);
        var number = command.Version!.Value;
        if (number < 1 || number > prompt.Version)
            throw new UnprocessableException($"Version {number} does not exist: this prompt has versions 1 to {prompt.Version}.");
        if (!prompt.Labels.ContainsKey(command.Label) && prompt.Labels.Count >= LabelNames.MaxPerPrompt)
            throw new UnprocessableException($"A prompt has at most {LabelNames.MaxPerPrompt} labels: remove one first.");
        prompt.Labels[command.Label] = number;
        session.Store(prompt);
        return PromptLabels.Of(prompt);
    }
}
