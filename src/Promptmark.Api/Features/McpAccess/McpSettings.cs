using Marten;

namespace Promptmark.Api.Features.McpAccess;

/// <summary>How <c>/mcp</c> behaves for one user; one document per user, its id the user's. Absent means the defaults.</summary>
public sealed class McpSettings
{
    public Guid Id { get; set; }

    /// <summary>When on, tools/list shows only the tools the calling credential's scopes allow (off: every tool, a stable list).</summary>
    public bool HideUncallableTools { get; set; }
}

public sealed record McpSettingsView(bool HideUncallableTools)
{
    public static McpSettingsView Of(McpSettings? settings) => new(settings?.HideUncallableTools ?? false);
}

/// <summary>Named so that the schema applied at start creates its table: every tools/list reads it, and most users never write it.</summary>
public sealed class McpSettingsStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) => options.Schema.For<McpSettings>();
}
