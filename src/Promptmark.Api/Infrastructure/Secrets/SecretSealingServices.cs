using Promptmark.Api.Infrastructure.Hosting;

namespace Promptmark.Api.Infrastructure.Secrets;

public static class SecretSealingServices
{
    /// <summary>Registers <see cref="ISecretSealer"/> as a singleton and checks its keys when the host starts.</summary>
    public static IServiceCollection AddSecretSealing(this IServiceCollection services)
    {
        services.AddSingleton(provider => SealingKeys.From(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<DataDirectory>()));
        services.AddSingleton<ISecretSealer, SecretSealer>();
        services.AddHostedService<SealingKeysStartupCheck>();
        return services;
    }
}
