using ModelContextProtocol.AspNetCore;
using Promptmark.Api.Infrastructure.Database;
using Promptmark.Api.Infrastructure.Mcp;
using Wolverine;

namespace Promptmark.Api.Infrastructure.Hosting;

/// <summary>
/// What lets several instances serve one database behind a load balancer without sticky sessions: signals between
/// instances (<see cref="InstanceSignals"/>), MCP sessions that resume on any instance (<see cref="McpSessionMigration"/>),
/// and, when <see cref="SharedDatabaseKey"/> says several instances share the database, Wolverine's balanced durability,
/// which elects one instance to recover unfinished messages instead of each instance claiming them all.
/// </summary>
public static class ScaleOut
{
    public const string SharedDatabaseKey = "Promptmark:SharedDatabase";

    public static IServiceCollection AddScaleOut(this IServiceCollection services)
    {
        services.AddSingleton<InstanceSignals>();
        services.AddHostedService(provider => provider.GetRequiredService<InstanceSignals>());
        services.AddSingleton<McpSessionMigration>();
        services.AddSingleton<ISessionMigrationHandler>(provider => provider.GetRequiredService<McpSessionMigration>());
        return services;
    }

    /// <summary>Solo (fastest start) for one instance; balanced when <see cref="SharedDatabaseKey"/> is true.</summary>
    public static DurabilityMode Durability(IConfiguration configuration) =>
        configuration.GetValue<bool>(SharedDatabaseKey) ? DurabilityMode.Balanced : DurabilityMode.Solo;
}
