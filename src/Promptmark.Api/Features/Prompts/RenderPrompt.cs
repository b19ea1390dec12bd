using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Marten;
using Promptmark.Api.Features.Prompts.Templates;
using Promptmark.Api.Infrastructure.Slices;
using Wolverine;

namespace Promptmark.Api.Features.Prompts;

[Description("Render a prompt template by substituting variables.")]
public sealed record RenderPrompt : PrivateInput, ISlice<RenderedPrompt>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/prompts/{id}/render")
        .AsTool("render_prompt", "Render a prompt", ToolHints.Reads).MayAnswer(422).HonoursCollectionGrants()
        .Described("Render a template with variable values (defaults fill the gaps); 422 with every problem when the values are invalid, or when the rendered text would pass the configured length cap");

    [Required, Description("Prompt template ID")]
    public string Id { get; init; } = "";

    [Description("Key-value pairs of variable values")]
    public JsonElement Variables { get; init; }
}

public sealed record RenderedPrompt(Guid Id, string Rendered, IReadOnlyList<InputProblem> Warnings);

public static class RenderPromptHandler
{
    public static async Task<RenderedPrompt> Handle(RenderPrompt command, IDocumentSession session, TemplateLimit limit, Envelope envelope, CancellationToken ct)
    {
        var prompt = await session.LoadReadablePromptAsync(command.Id, ct, envelope.GrantedCollections());
        var result = limit.Render(prompt, TemplateInputs.Read(command.Variables), "The variables do not fit the template");
        return new RenderedPrompt(prompt.Id, result.Text!, result.Check.Warnings);
    }
}
