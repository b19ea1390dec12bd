using Marten;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Infrastructure.Mcp;

namespace Promptmark.Api.Features.Skills;

/// <summary>A change to a user's skills is announced to that user's MCP sessions as <c>notifications/resources/list_changed</c>.</summary>
public sealed class SkillListChangesRegistration : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Listeners.Add(new ListChanges<Skill>(services.GetRequiredService<McpSessions>(), NotificationMethods.ResourceListChangedNotification));
}
