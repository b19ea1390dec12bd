namespace Promptmark.Api.Features.Connections.OAuth;

public static class ConnectionOAuthServices
{
    /// <summary>"Sign in with OAuth" for connections: discovery, registration, the token endpoint and refresh before expiry.</summary>
    public static IServiceCollection AddConnectionOAuth(this IServiceCollection services)
    {
        services.AddSingleton<OAuthHttp>();
        services.AddSingleton<OAuthDiscovery>();
        services.AddSingleton<OAuthRegistration>();
        services.AddSingleton<OAuthTokenEndpoint>();
        services.AddSingleton<OAuthGrants>();
        services.AddSingleton<OAuthSignIns>();
        services.AddSingleton<OAuthRefresher>();
        return services;
    }
}
