namespace Promptmark.Api.Infrastructure.Security;

public static class SecurityPipeline
{
    /// <summary>Security headers on every response, then the cross-site rules: origins on /api and /mcp, JSON-only REST bodies.</summary>
    public static WebApplication UsePromptmarkSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<OriginPolicy>(AllowedOrigins.From(app.Configuration));
        app.UseMiddleware<JsonBodies>();
        return app;
    }
}
