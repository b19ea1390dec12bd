using System.Text;
using System.Text.Json;
using Marten;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Features.Prompts.Templates;
using Promptmark.Api.Features.Versions;
using Promptmark.Api.Infrastructure.Mcp;
using Promptmark.Api.Infrastructure.Slices;
using McpPrompt = ModelContextProtocol.Protocol.Prompt;
using LibraryPrompt = Promptmark.Api.Features.Prompts.Prompt;

namespace Promptmark.Api.Features.McpPrompts;

/// <summary>
/// The user's templates as MCP prompts: <c>prompts/list</c> shows each template with its variables as arguments,
/// <c>prompts/get</c> renders it with the same engine and the same validation errors as render_prompt. Both serve the
/// version labelled <c>production</c> when the prompt has one, so clients get the approved text, not the latest draft.
/// A prompt's MCP name is its title as a slug plus the end of its id, so it is readable and stays unique.
/// </summary>
public static class TemplatePrompts
{
    private const int PageSize = 100;

    public static async ValueTask<ListPromptsResult> ListAsync(RequestContext<ListPromptsRequestParams> request, CancellationToken ct)
    {
        var offset = Offset(request.Params?.Cursor);
        await using var session = request.OpenCallerSession(out var grants);
        var templates = await session.VisiblePrompts(grants).Where(p => p.IsTemplate)
            .OrderBy(p => p.Title).ThenBy(p => p.Id).Skip(offset).Take(PageSize + 1).ToListAsync(ct);
        var page = templates.Take(PageSize).ToList();
        var served = await session.ServedContentAsync(page, ct);
        return new ListPromptsResult
        {
            Prompts = page.Select(p => Describe(p, served[p.Id])).ToList(),
            NextCursor = templates.Count > PageSize ? (offset + PageSize).ToString() : null,
        };
    }

    public static async ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken ct)
    {
        var name = request.Params?.Name ?? "";
        await using var session = request.OpenCallerSession(out var grants);
        var template = await FindAsync(session, grants, name, ct) ?? throw new McpProtocolException($"prompt '{name}' not found", McpErrorCode.InvalidParams);
        var arguments = (request.Params?.Arguments ?? new Dictionary<string, JsonElement>())
            .ToDictionary(a => a.Key, a => a.Value);
        var problems = new InputErrors();
        WireValues.CheckArguments(arguments, problems);
        if (problems.Any) throw new McpProtocolException("Invalid arguments: " + problems.Message, McpErrorCode.InvalidParams);
        var served = (await session.ServedContentAsync([template], ct))[template.Id];
        var text = RenderedText(served, arguments, request.Services!.GetRequiredService<TemplateLimit>());
        return new GetPromptResult
        {
            Description = template.Title,
            Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = text } }],
        };
    }

    /// <summary>
    /// Completes a template's argument from what its variable declares: an enum's options, else its default.
    /// Only the caller's own templates are found; anything else completes to nothing.
    /// </summary>
    public static async ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> request, CancellationToken ct)
    {
        if (request.Params is not { Ref: PromptReference reference } complete) return Completions.None;
        await using var session = request.OpenCallerSession(out var grants);
        var template = await FindAsync(session, grants, reference.Name, ct);
        var variable = template is null ? null : Template.Parse(template.Content).Variables.FirstOrDefault(v => v.Name == complete.Argument.Name);
        if (variable is null) return Completions.None;
        IEnumerable<string> candidates = variable.Options.Count > 0 ? variable.Options : variable.Default is { } fallback ? [fallback] : [];
        return Completions.Matching(candidates, complete.Argument.Value);
    }

    /// <summary>The prompts area's rendering (the same refusals as render_prompt, which always leave a text), answered as MCP's InvalidParams.</summary>
    private static string RenderedText(string content, Dictionary<string, JsonElement> arguments, TemplateLimit limit)
    {
        try
        {
            return limit.Render(content, arguments, "The arguments do not fit the template").Text!;
        }
        catch (UnprocessableException refused)
        {
            throw new McpProtocolException(refused.Message, McpErrorCode.InvalidParams);
        }
    }

    /// <summary>Cursors are the offsets this handler gave out; anything else is refused rather than guessed at.</summary>
    private static int Offset(string? cursor) =>
        cursor is null ? 0
        : int.TryParse(cursor, out var offset) && offset >= 0 ? offset
        : throw new McpProtocolException("cursor: not a cursor this server gave out", McpErrorCode.InvalidParams);

    public static string McpName(Guid id, string title) => $"{PromptSlugs.Of(title, '-', 48, "prompt")}-{id.ToString("N")[^8..]}";

    private static McpPrompt Describe(LibraryPrompt prompt, string servedContent)
    {
        var template = TemplateCache.Parse(servedContent);
        return new McpPrompt
        {
            Name = McpName(prompt.Id, prompt.Title),
            Title = prompt.Title,
            Description = string.IsNullOrWhiteSpace(prompt.Notes) ? $"Template with {template.Variables.Count} variable(s)." : Shorten(prompt.Notes, 300),
            Arguments = template.Variables.Select(v => new PromptArgument
            {
                Name = v.Name,
                Description = ArgumentDescription(v),
                Required = v.Required,
            }).ToList(),
        };
    }

    private static string ArgumentDescription(TemplateVariable variable)
    {
        var text = new StringBuilder(variable.Type.ToWireName());
        if (variable.Options.Count > 0) text.Append($", one of: {string.Join(", ", variable.Options)}");
        if (variable.Default is { } fallback) text.Append($" (default: {fallback})");
        return text.ToString();
    }

    /// <summary>Names are derived, not stored: match them over the templates' ids and titles, then load the one.</summary>
    private static async Task<LibraryPrompt?> FindAsync(IQuerySession session, IReadOnlyList<Guid>? grants, string name, CancellationToken ct)
    {
        var candidates = await session.VisiblePrompts(grants).Where(p => p.IsTemplate).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        var match = candidates.FirstOrDefault(p => McpName(p.Id, p.Title) == name);
        return match is null ? null : await session.LoadAsync<LibraryPrompt>(match.Id, ct);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
