using System.ComponentModel;
using Promptmark.Api.Features.Prompts.Templates;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Prompts;

[Description("Read content that is not saved yet as the template engine reads it, so an editor can follow the text as it is typed.")]
public sealed record ReadTemplate : PrivateInput, ISlice<TemplateSchema>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/templates/schema").Needs(AccessScope.Read)
        .Described("The variables (name, type, required, default, options) and warnings of the given content, exactly as " +
                   "get_prompt_schema would report them once it is saved; nothing is stored");

    [Description("Prompt content, as it would be saved (at most 100,000 characters); empty content has no variables")]
    public string Content { get; init; } = "";

    public void Validate(InputErrors errors) =>
        errors.When(Content.Length > PromptFields.MaxContent, "content", $"must be at most {PromptFields.MaxContent:N0} characters");
}

public sealed record TemplateSchema(bool IsTemplate, IReadOnlyList<VariableSchema> Variables, IReadOnlyList<TemplateWarning> Warnings)
{
    public static TemplateSchema Of(Template template) =>
        new(template.IsTemplate, template.Variables.Select(VariableSchema.Of).ToList(), template.Warnings);
}

public static class ReadTemplateHandler
{
    // Not the cache: every keystroke's draft would fill it with texts that are never rendered.
    public static TemplateSchema Handle(ReadTemplate request) => TemplateSchema.Of(Template.Parse(request.Content));
}
