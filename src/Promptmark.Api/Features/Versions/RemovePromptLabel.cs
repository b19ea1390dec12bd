using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Versions;

[Description("Remove a label from a prompt; the version it pointed at stays in the history.")]
public sealed record RemovePromptLabel : PrivateInput, ISlice<PromptLabels>
{
    public static SliceBinding Binding { get; } = SliceBinding.Delete("/api/prompts/{prompt_id}/labels/{label}")
        .Described("Remove a label; 404 when the prompt has no such label");

    [Required, Description("Prompt ID")]
    public string PromptId { get; init; } = "";

    [Required, Description("The label to remove")]
    public string Label { get; init; } = "";
}

public static class RemovePromptLabelHandler
{
    public static async Task<PromptLabels> Handle(RemovePromptLabel command, IDocumentSession session, CancellationToken ct)
    {
        var prompt = await session.LoadOwnedPromptAsync(command.PromptId, ct);
        if (!prompt.Labels.Remove(command.Label)) throw new NotFoundException($"Label \"{command.Label}\"");
        session.Store(prompt);
        return PromptLabels.Of(prompt);
    }
}
