using Marten;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Infrastructure.Mcp;
using LibraryPrompt = Promptmark.Api.Features.Prompts.Prompt;

namespace Promptmark.Api.Features.McpPrompts;

/// <summary>
/// <c>notifications/tools/list_changed</c> goes to the user's MCP sessions after a write to a prompt that has (or had) a
/// tool name, so it was exposed, withdrawn, renamed or its variables changed, and after a prompt's deletion. Writes to
/// prompts that were never tools stay quiet.
/// </summary>
public sealed class PromptToolListChanges : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Listeners.Add(new ListChanges<LibraryPrompt>(
            services.GetRequiredService<McpSessions>(), NotificationMethods.ToolListChangedNotification, p => p.ToolName is not null));
}
