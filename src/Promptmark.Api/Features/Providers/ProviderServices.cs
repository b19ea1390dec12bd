using Promptmark.Api.Engines.Models;

namespace Promptmark.Api.Features.Providers;

public static class ProviderServices
{
    /// <summary>Per-user model providers over the model engine: sealed keys, spend and the door other areas call models through.</summary>
    public static IServiceCollection AddProviders(this IServiceCollection services)
    {
        services.AddModelProviders();
        services.AddSingleton<ProviderSecrets>();
        services.AddSingleton<ModelAccess>();
        return services;
    }
}
