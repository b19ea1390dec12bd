namespace Promptmark.Api.Features.PostHog;

public static class PostHogServices
{
    /// <summary>Per-user PostHog settings and the background sender of their LLM analytics.</summary>
    public static IServiceCollection AddPostHog(this IServiceCollection services)
    {
        services.AddOptions<PostHogOptions>().BindConfiguration(PostHogOptions.SectionName);
        services.AddSingleton<PostHogSecrets>();
        services.AddSingleton<PostHogQueue>();
        services.AddSingleton<GenerationAnalytics>();
        services.AddHostedService<PostHogSender>();
        return services;
    }
}
