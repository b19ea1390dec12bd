using Promptmark.Api.Features.Prompts.Templates;
using Promptmark.Api.Infrastructure.Mcp;

namespace Promptmark.Api.Features.McpPrompts;

/// <summary>A template's typed variables as its tool's inputs: the variables without a default are required.</summary>
public static class VariableInputs
{
    public static IReadOnlyList<ToolInput> Of(Template template) => template.Variables.Select(v => new ToolInput(
        v.Name,
        v.Type switch
        {
            VariableType.Number => "number",
            VariableType.Boolean => "boolean",
            _ => "string",
        },
        v.Type == VariableType.Text ? $"{v.Name} (multi-line text)" : v.Name,
        v.Options,
        v.Default,
        v.Required)).ToList();
}
