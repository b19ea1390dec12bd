using Microsoft.Extensions.AI;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Features.Conversations.Tools;
using Promptmark.Api.Features.Providers;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Conversations.Turns;

/// <summary>
/// The attached native tools, as the provider is passed them: Microsoft.Extensions.AI's hosted tools, which the provider's
/// SDK turns into its own built-in tool (Anthropic's adapter sends <c>web_search_…</c> and <c>code_execution_…</c> in the
/// version it knows; OpenAI's, over the Responses API, <c>web_search</c> and <c>code_interpreter</c>). A tool the
/// conversation's model cannot take is refused before anything is sent: a native tool of another provider, a type with no
/// hosted counterpart, or a provider reached through Chat Completions (OpenRouter and every OpenAI-compatible server),
/// which has no built-in tools.
/// </summary>
public static class NativeTools
{
    public static IReadOnlyList<AITool> For(Conversation conversation, OpenedModel model)
    {
        var natives = conversation.Tools.Where(t => t.IsNative).ToList();
        return natives.Count == 0 ? [] : natives.Select(tool => Hosted(tool, model)).ToList();
    }

    private static AITool Hosted(AttachedTool tool, OpenedModel model)
    {
        var what = $"The native tool {tool.ToolName} ({tool.NativeProvider} {tool.NativeType})";
        var kind = ProviderKinds.ForName(model.Id.Provider);
        if (kind is not (ProviderKinds.Anthropic or ProviderKinds.OpenAi))
            throw new UnprocessableException($"{what} cannot be passed to {model.Id}: Promptmark reaches this provider through Chat Completions, " +
                                             "which has no built-in tools. Remove the tool or pick an Anthropic or OpenAI model.");
        if (tool.NativeProvider != kind)
            throw new UnprocessableException($"{what} belongs to another provider than {model.Id}'s. Remove the tool or pick a {tool.NativeProvider} model.");
        return tool.NativeType switch
        {
            { } type when type.StartsWith("web_search", StringComparison.Ordinal) => new HostedWebSearchTool(),
            { } type when type.StartsWith("code_execution", StringComparison.Ordinal) || type == "code_interpreter" => new HostedCodeInterpreterTool(),
            _ => throw new UnprocessableException($"{what} has no counterpart Promptmark can pass on: it passes web_search, and code_execution (Anthropic) or code_interpreter (OpenAI)."),
        };
    }
}
