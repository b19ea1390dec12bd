using Promptmark.Api.Features.Connections.Executions;
using Promptmark.Api.Features.Connections.OAuth;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Features.Connections.Tools;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections;

public static class ConnectionServices
{
    /// <summary>Everything connections need: credential sealing, the pooled client with its egress rules, discovery and the tool runner.</summary>
    public static IServiceCollection AddMcpConnections(this IServiceCollection services)
    {
        services.AddSingleton<ConnectionSecrets>();
        services.AddSingleton<ConnectionEndpoints>();
        services.AddConnectionOAuth();
        services.AddSingleton<ToolDiscovery>();
        services.AddSingleton<ExecutionRecords>();
        services.AddSingleton<ToolExecutor>();
        services.AddSingleton<ToolQuestions>();
        services.AddRemoteMcpSessions();
        services.AddSingleton(StreamMcpTool.Documentation);
        return services;
    }
}
