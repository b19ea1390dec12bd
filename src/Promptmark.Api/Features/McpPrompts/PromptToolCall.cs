using System.Text.Json;
using Marten;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Features.PostHog;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Features.Providers;
using Promptmark.Api.Features.Versions;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Json;
using Promptmark.Api.Infrastructure.Slices;
using LibraryPrompt = Promptmark.Api.Features.Prompts.Prompt;

namespace Promptmark.Api.Features.McpPrompts;

/// <summary>
/// A call of one of the caller's exposed prompts (<see cref="PromptToolSource"/>): rendered with the
/// arguments (the same engine and refusals as render_prompt) and sent to the first of the prompt's models whose
/// provider the caller has set, its cost recorded like a conversation's. Without such a model the rendered text is the
/// answer.
/// </summary>
public static class PromptToolCall
{
    public static async Task<CallToolResult> CallAsync(LibraryPrompt prompt, RequestContext<CallToolRequestParams> request, IDocumentSession session, CancellationToken ct)
    {
        try
        {
            AccessScope.Require(request.User ?? new(), AccessScope.Execute);
            var answer = await AnswerAsync(prompt, request.Params?.Arguments, session, request.Services!, ct);
            var structured = JsonSerializer.SerializeToElement(answer, Wire.Options);
            return new CallToolResult { Content = [new TextContentBlock { Text = answer.Output ?? answer.Rendered }], StructuredContent = structured };
        }
        catch (SliceException failure)
        {
            return McpErrors.Result(failure);
        }
    }

    private static async Task<PromptToolAnswer> AnswerAsync(
        LibraryPrompt prompt, IDictionary<string, JsonElement>? arguments, IDocumentSession session, IServiceProvider services, CancellationToken ct)
    {
        var content = (await session.ServedContentAsync([prompt], ct))[prompt.Id];
        var values = (arguments ?? new Dictionary<string, JsonElement>()).ToDictionary(a => a.Key, a => a.Value);
        var problems = new InputErrors();
        WireValues.CheckArguments(values, problems);
        problems.ThrowIfAny();
        var rendered = services.GetRequiredService<TemplateLimit>().Render(content, values, "The arguments do not fit the prompt").Text!;
        if (await FirstConfiguredModelAsync(session, prompt, ct) is not { } modelId) return new PromptToolAnswer(rendered, null, null);

        var models = services.GetRequiredService<ModelAccess>();
        var model = await models.OpenAsync(session, modelId.ToString(), ct, AnalyticsFeatures.PromptTool);
        ChatResponse response;
        try
        {
            response = await model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, rendered)], cancellationToken: ct);
        }
        catch (Exception failure) when (ProviderFailure.From(model.Id.Provider, failure) is { } reason)
        {
            throw new UnprocessableException($"The model call failed: {reason.Message}");
        }
        await models.RecordAsync(session, model, response.Usage, ct);
        await session.SaveChangesAsync(ct);
        return new PromptToolAnswer(rendered, model.Id.ToString(), response.Text);
    }

    /// <summary>The first of the prompt's models (in the order the user listed them) whose provider the caller has set.</summary>
    private static async Task<ModelId?> FirstConfiguredModelAsync(IQuerySession session, LibraryPrompt prompt, CancellationToken ct)
    {
        foreach (var listed in prompt.Models)
            if (ModelId.TryParse(listed, out var id) && await session.FindProviderAsync(id.Provider, ct) is not null)
                return id;
        return null;
    }
}
