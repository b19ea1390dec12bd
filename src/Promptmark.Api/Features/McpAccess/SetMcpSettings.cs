using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.McpAccess;

[Description("Change your MCP server settings.")]
public sealed record SetMcpSettings : PrivateInput, ISlice<McpSettingsView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Put("/api/mcp/settings")
        .Described("Set how /mcp behaves for you");

    [Required, Description("Show in tools/list only the tools the calling credential's scopes allow; off (the default), every tool is listed " +
                           "and a call the scopes do not allow is refused with insufficient_scope")]
    public bool? HideUncallableTools { get; init; }
}

public static class SetMcpSettingsHandler
{
    public static McpSettingsView Handle(SetMcpSettings command, IDocumentSession session)
    {
        var settings = new McpSettings { Id = session.CallerId(), HideUncallableTools = command.HideUncallableTools!.Value };
        session.Store(settings);
        return McpSettingsView.Of(settings);
    }
}
