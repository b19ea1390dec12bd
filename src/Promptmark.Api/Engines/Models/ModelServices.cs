using Promptmark.Api.Engines.Egress;

namespace Promptmark.Api.Engines.Models;

public static class ModelServices
{
    /// <summary>The model provider engine: guarded SDK clients, the model list cache and the price table.</summary>
    public static IServiceCollection AddModelProviders(this IServiceCollection services)
    {
        services.AddEgressGuard();
        services.AddMemoryCache();
        services.AddOptions<ModelPricesOptions>().BindConfiguration(ModelPricesOptions.SectionName);
        services.AddSingleton<ModelClients>();
        services.AddSingleton<ModelListCache>();
        services.AddSingleton<UsageCalculator>();
        return services;
    }
}
