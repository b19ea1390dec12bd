using System.Text.Json;
using Promptmark.Api.Features.Prompts.Templates;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Prompts;

/// <summary>The prompts area's surface for turning a prompt into text, for render_prompt and for whoever sends a prompt to a model.</summary>
public static class PromptRendering
{
    /// <summary>
    /// The prompt rendered with <paramref name="values"/> (defaults fill the gaps). Values that do not fit are a 422
    /// starting with <paramref name="refusal"/> and naming every problem; a text over the length cap is a 422 too.
    /// </summary>
    public static RenderResult Render(this TemplateLimit limit, Prompt prompt, IReadOnlyDictionary<string, JsonElement>? values, string refusal) =>
        limit.Render(prompt.Content, values, refusal);

    /// <summary>As above, for a prompt's text other than its current one (a labelled version).</summary>
    public static RenderResult Render(this TemplateLimit limit, string content, IReadOnlyDictionary<string, JsonElement>? values, string refusal)
    {
        var template = TemplateCache.Parse(content);
        var result = limit.Apply(maxLength => template.Render(values, maxLength));
        return result.Text is not null ? result
            : throw new UnprocessableException(
                $"{refusal}: " + string.Join("; ", result.Check.Errors.Select(e => e.Message)),
                new Dictionary<string, object?> { ["errors"] = result.Check.Errors });
    }
}
