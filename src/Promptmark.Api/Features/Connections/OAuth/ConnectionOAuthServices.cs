namespace Promptmark.Api.Features.Connections.OAuth;

public static class ConnectionOAuthServices
{
    /// <summary>"Sign in with OAuth" for connections: discovery, registration, the token endpoint and refresh before expiry.</summary>
    public static IServiceCollection AddConnectionOAuth(this IServiceCollection services)
    {
        services.AddSingleton(provider => PromptmarkClientIdentity.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<OAuthHttp>();
        services.AddSingleton<OAuthDiscovery>();
        services.AddSingleton<OAuthRegistration>();
        services.AddSingleton<OAuthTokenEndpoint>();
        services.AddSingleton<OAuthGrants>();
        services.AddSingleton<OAuthSignIns>();
        services.AddSingleton<OAuthRefresher>();
        services.AddSingleton<OAuthScopeStepUp>();
        return services;
    }

    /// <summary>Promptmark's Client ID Metadata Document: anonymous, it describes Promptmark and no user; 404 without an https public origin.</summary>
    public static IEndpointRouteBuilder MapPromptmarkClientMetadata(this IEndpointRouteBuilder app)
    {
        app.MapGet(PromptmarkClientIdentity.DocumentPath, (PromptmarkClientIdentity identity) =>
                identity.Document() is { } document ? Results.Json(document) : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
