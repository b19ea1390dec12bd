using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Features.Prompts.Templates;
using Promptmark.Api.Features.Versions;
using Promptmark.Api.Infrastructure.Mcp;
using Promptmark.Api.Infrastructure.Slices;
using LibraryPrompt = Promptmark.Api.Features.Prompts.Prompt;

namespace Promptmark.Api.Features.McpPrompts;

/// <summary>What calling a prompt's own tool answered.</summary>
public sealed record PromptToolAnswer(
    [property: Description("The prompt rendered with the arguments")] string Rendered,
    [property: Description("The provider/model that answered it, or null when no model of the prompt has a provider set, so the rendered text is the answer")] string? Model,
    [property: Description("The model's answer, or null when no model ran")] string? Output);

/// <summary>
/// The prompts the user exposed as tools (<see cref="PromptToolExposure"/>), one of the <see cref="UserTools"/>. Each
/// tool's input schema is its template's typed variables; the text served is the version labelled production when there
/// is one, as for MCP prompts.
/// </summary>
public static class PromptToolList
{
    /// <summary>The <c>_meta</c> key every prompt tool carries (its prompt's id): what tells it from a built-in tool.</summary>
    public const string PromptIdMeta = "promptmark/prompt_id";

    private static readonly JsonElement AnswerSchema = OutputSchema.For(typeof(PromptToolAnswer));

    /// <summary>The caller's exposed prompts as tools.</summary>
    public static async Task<IReadOnlyList<Tool>> ListAsync(IQuerySession session, CancellationToken ct)
    {
        var prompts = await ExposedAsync(session, ct);
        var served = await session.ServedContentAsync(prompts, ct);
        return prompts.Select(p => Describe(p, served[p.Id])).ToList();
    }

    /// <summary>The caller's exposed prompts, by tool name; a name a built-in tool took since is left out (the built-in answers it).</summary>
    public static async Task<IReadOnlyList<LibraryPrompt>> ExposedAsync(IQuerySession session, CancellationToken ct) =>
        (await session.Query<LibraryPrompt>().Where(p => p.ExposedAsTool && p.ToolName != null).OrderBy(p => p.ToolName).ToListAsync(ct))
        .Where(p => !UserTools.IsBuiltIn(p.ToolName!)).ToList();

    private static Tool Describe(LibraryPrompt prompt, string servedContent) => new()
    {
        Name = prompt.ToolName!,
        Title = prompt.Title,
        Description = Description(prompt),
        InputSchema = ToolInputSchema.For(VariableInputs.Of(TemplateCache.Parse(servedContent))),
        OutputSchema = AnswerSchema,
        // Running it reaches a model provider and records what the call cost: neither a read nor idempotent.
        Annotations = new ToolHints(ReadOnly: false, Destructive: false, Idempotent: false) { OpenWorld = true }.Annotations(prompt.Title),
        Meta = new JsonObject { [PromptIdMeta] = prompt.Id.ToString() },
    };

    private static string Description(LibraryPrompt prompt)
    {
        var what = string.IsNullOrWhiteSpace(prompt.Notes) ? $"Your prompt \"{prompt.Title}\"." : prompt.Notes.Length <= 300 ? prompt.Notes : prompt.Notes[..299] + "…";
        return what + " Renders the prompt with the arguments and sends it to the first of its models whose provider is set; without one, answers the rendered text.";
    }
}
