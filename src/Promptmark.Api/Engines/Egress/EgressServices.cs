using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Promptmark.Api.Engines.Egress;

/// <summary>Registers the operator's egress settings and the URL policy every outbound area obeys.</summary>
public static class EgressServices
{
    public static IServiceCollection AddEgressGuard(this IServiceCollection services)
    {
        services.AddOptions<EgressOptions>().BindConfiguration(EgressOptions.SectionName);
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<EgressOptions>>().Value);
        services.TryAddSingleton<ConnectionUrlPolicy>();
        return services;
    }
}
