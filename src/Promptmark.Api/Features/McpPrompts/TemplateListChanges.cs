using Marten;
using Marten.Services;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Infrastructure.Mcp;
using LibraryPrompt = Promptmark.Api.Features.Prompts.Prompt;

namespace Promptmark.Api.Features.McpPrompts;

/// <summary>
/// After any committed change to a user's prompts, tells that user's open MCP sessions that the prompt list
/// changed (<c>notifications/prompts/list_changed</c>). Hooked into Marten, so every slice that writes prompts is covered.
/// </summary>
public sealed class TemplateListChanges(McpSessions sessions) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var touched = commit.Inserted.Concat(commit.Updated).Concat(commit.Deleted).OfType<LibraryPrompt>().Any();
        return touched && Guid.TryParse(session.TenantId, out var userId)
            ? sessions.NotifyAsync(userId, NotificationMethods.PromptListChangedNotification, CancellationToken.None)
            : Task.CompletedTask;
    }
}

public sealed class TemplateListChangesRegistration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Listeners.Add(new TemplateListChanges(services.GetRequiredService<McpSessions>()));
}
