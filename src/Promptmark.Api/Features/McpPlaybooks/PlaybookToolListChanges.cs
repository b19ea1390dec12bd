using Marten;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Features.Playbooks;
using Promptmark.Api.Infrastructure.Mcp;

namespace Promptmark.Api.Features.McpPlaybooks;

/// <summary>
/// <c>notifications/tools/list_changed</c> goes to the user's MCP sessions after a write to a playbook that has (or had) a
/// tool name (exposed, withdrawn, renamed, its inputs changed) and after a playbook's deletion, as for prompt tools.
/// </summary>
public sealed class PlaybookToolListChanges : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Listeners.Add(new ListChanges<Playbook>(
            services.GetRequiredService<McpSessions>(), NotificationMethods.ToolListChangedNotification, p => p.ToolName is not null));
}
