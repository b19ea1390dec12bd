using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Prompts.Templates;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Prompts;

[Description("Get the template variable schema for a prompt.")]
public sealed record GetPromptSchema : PrivateInput, ISlice<PromptSchema>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/prompts/{id}/schema").AsTool("get_prompt_schema", "Get a prompt's input schema")
        .Described("The template's variables (name, type, required, default, options) and warnings about text that is not a valid variable");

    [Required, Description("Prompt ID")]
    public string Id { get; init; } = "";
}

public sealed record VariableSchema(string Name, string Type, bool Required, string? Default, IReadOnlyList<string> Options)
{
    public static VariableSchema Of(TemplateVariable v) => new(v.Name, v.Type.ToWireName(), v.Required, v.Default, v.Options);
}

public sealed record PromptSchema(Guid Id, bool IsTemplate, IReadOnlyList<VariableSchema> Variables, IReadOnlyList<TemplateWarning> Warnings)
{
    public static PromptSchema Of(Guid id, Template template) =>
        new(id, template.IsTemplate, template.Variables.Select(VariableSchema.Of).ToList(), template.Warnings);
}

public static class GetPromptSchemaHandler
{
    public static async Task<PromptSchema> Handle(GetPromptSchema query, IDocumentSession session, CancellationToken ct)
    {
        var prompt = await session.LoadReadablePromptAsync(query.Id, ct);
        return PromptSchema.Of(prompt.Id, TemplateCache.Parse(prompt.Content));
    }
}
