namespace Promptmark.Api.Features.PlaybookTriggers;

public static class PlaybookTriggerServices
{
    public static IServiceCollection AddPlaybookTriggers(this IServiceCollection services)
    {
        services.AddOptions<PlaybookTriggerOptions>().BindConfiguration(PlaybookTriggerOptions.SectionName);
        services.AddSingleton<TriggerRateLimit>();
        return services;
    }
}
