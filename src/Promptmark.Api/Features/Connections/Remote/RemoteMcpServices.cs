using Microsoft.Extensions.DependencyInjection.Extensions;
using Promptmark.Api.Engines.Egress;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>Registers the outbound MCP client side of connections and the egress settings it obeys.</summary>
public static class RemoteMcpServices
{
    public static IServiceCollection AddRemoteMcpSessions(this IServiceCollection services)
    {
        services.AddEgressGuard();
        services.AddOptions<RemoteSessionOptions>().BindConfiguration(RemoteSessionOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RemoteHttpClients>();
        services.TryAddSingleton<RemoteMcpSessions>();
        services.TryAddSingleton<RestAuthPolling>();
        services.AddOptions<ElicitationOptions>().BindConfiguration(ElicitationOptions.SectionName)
            .Validate(o => o.ElicitationTimeoutSeconds >= 1, "Promptmark:Conversations needs ElicitationTimeoutSeconds of at least 1")
            .ValidateOnStart();
        services.TryAddSingleton<ElicitationWaits>();
        return services;
    }
}
