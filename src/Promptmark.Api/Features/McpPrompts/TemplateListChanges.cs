using Marten;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Infrastructure.Mcp;
using LibraryPrompt = Promptmark.Api.Features.Prompts.Prompt;

namespace Promptmark.Api.Features.McpPrompts;

/// <summary>A change to a user's prompts is announced to that user's MCP sessions as <c>notifications/prompts/list_changed</c>.</summary>
public sealed class TemplateListChangesRegistration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Listeners.Add(new ListChanges<LibraryPrompt>(services.GetRequiredService<McpSessions>(), NotificationMethods.PromptListChangedNotification));
}
