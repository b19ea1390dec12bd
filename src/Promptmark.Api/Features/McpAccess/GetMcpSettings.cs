using System.ComponentModel;
using Marten;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.McpAccess;

[Description("Your MCP server settings.")]
public sealed record GetMcpSettings : PrivateInput, ISlice<McpSettingsView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/mcp/settings")
        .Described("How /mcp behaves for you: hide_uncallable_tools (default false)");
}

public static class GetMcpSettingsHandler
{
    public static async Task<McpSettingsView> Handle(GetMcpSettings query, IDocumentSession session, CancellationToken ct) =>
        McpSettingsView.Of(await session.LoadAsync<McpSettings>(session.CallerId(), ct));
}
