using FastEndpoints;
using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Authentication;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Database;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Features.McpPrompts;
using Promptmark.Api.Features.McpPlaybooks;
using Promptmark.Api.Features.McpAccess;
using Promptmark.Api.Features.OAuth;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Features.Skills;
using Promptmark.Api.Infrastructure.Json;
using Promptmark.Api.Infrastructure.Mcp;
using Promptmark.Api.Infrastructure.Secrets;
using Promptmark.Api.Infrastructure.Security;
using Promptmark.Api.Infrastructure.Slices;
using Scalar.AspNetCore;
using Promptmark.Api.Features.Connections;
using Promptmark.Api.Features.Connections.OAuth;
using Promptmark.Api.Features.Providers;
using Promptmark.Api.Features.PostHog;
using Promptmark.Api.Features.Conversations.Turns;
using Promptmark.Api.Features.PlaybookExecutions;
using Promptmark.Api.Features.PlaybookTriggers;
using Wolverine;

namespace Promptmark.Api.Infrastructure.Hosting;

public static class PromptmarkServices
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplicationBuilder AddPromptmark(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // First: the embedded PostgreSQL starts here and comes up while everything else is registered.
        services.AddPromptmarkStorage(builder.Configuration);
        UseDefaultUrlUnlessConfigured(builder);
        var catalog = SliceCatalog.Instance;

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => DataDirectory.From(builder.Configuration, provider.GetRequiredService<ILogger<DataDirectory>>()));
        services.AddSecretSealing();
        services.AddMcpConnections();
        services.AddTemplateLimit();
        services.AddProviders();
        services.AddPostHog();
        services.AddConversations();
        services.AddPlaybookExecutions();
        services.AddPlaybookTriggers();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        builder.Host.UseWolverine(wolverine =>
        {
            wolverine.ApplicationAssembly = typeof(PromptmarkServices).Assembly;
            wolverine.Policies.AutoApplyTransactions();
            // Handlers are compiled ahead of time (`./build.sh --target=Codegen`), so start-up needs no Roslyn.
            wolverine.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
            wolverine.Durability.Mode = ScaleOut.Durability(builder.Configuration);
            wolverine.RunPlaybooksDurably();
        });

        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<UserSessions>();
        services.AddHostedService<ExpiredSessionSweeper>();
        services.AddSingleton<LoginThrottle>();
        services.AddRegistrationLimit(builder.Configuration);
        services.AddReverseProxySupport(builder.Configuration);
        services.AddAuthentication(PromptmarkAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, PromptmarkAuthentication>(PromptmarkAuthentication.SchemeName, null);
        services.AddAuthorization();
        services.AddPromptmarkOAuth();

        builder.Logging.LeaveHandlerFailuresToTheDoors(catalog);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemResponses>();
        services.ConfigureHttpJsonOptions(json => Wire.Configure(json.SerializerOptions));
        services.AddOpenApi(openApi =>
        {
            openApi.CreateSchemaReferenceId = SchemaNameAttribute.ReferenceIdOf;
            openApi.AddDocumentTransformer<OpenApiDocumentInfo>().AddOperationTransformer<SliceOpenApi>();
        });

        services.AddScoped<SliceInvoker>();
        services.AddSingleton<McpSessions>();
        services.AddSingleton<UserTools>();
        services.AddSingleton<IUserToolSource, PromptToolSource>();
        services.AddSingleton<IUserToolSource, PlaybookToolSource>();
        services.AddScaleOut();
        services.AddSingleton<IServiceResolver, LazyFactoryServiceResolver>();
        services.AddFastEndpoints(SliceDoors.RestEndpointTypes(catalog));
        services.AddMcpServer(mcp =>
            {
                mcp.ServerInfo = new Implementation { Name = "promptmark", Title = "Promptmark", Version = Version };
                mcp.ServerInstructions = "Promptmark is the user's prompt library: find, create, version and render their prompts and templates.";
                mcp.Capabilities = new ServerCapabilities
                {
                    Prompts = new PromptsCapability { ListChanged = true },
                    Resources = new ResourcesCapability { ListChanged = true },
                    Completions = new CompletionsCapability(),
                };
            })
            .WithHttpTransport(http =>
            {
                http.SessionMode = HttpServerSessionMode.StatefulForInitializeClients;
                // Experimental in SDK 2.4 (as in 2.3), but the only hook that sees a session both start and end.
#pragma warning disable MCPEXP002
                http.RunSessionHandler = (context, server, ct) => context.RequestServices.GetRequiredService<McpSessions>().RunAsync(context, server, ct);
#pragma warning restore MCPEXP002
            })
            .WithTools(SliceDoors.McpTools(catalog))
            .WithListToolsHandler(UserTools.ListAsync)
            .WithCallToolHandler(UserTools.CallAsync)
            .WithRequestFilters(filters =>
            {
                filters.AddListToolsFilter(UncallableTools.Hide);
                filters.AddGetPromptFilter(ReadScope.Require);
                filters.AddReadResourceFilter(ReadScope.Require);
            })
            .WithListPromptsHandler(TemplatePrompts.ListAsync)
            .WithGetPromptHandler(TemplatePrompts.GetAsync)
            .WithListResourcesHandler(SkillResources.ListAsync)
            .WithReadResourceHandler(SkillResources.ReadAsync)
            .WithListResourceTemplatesHandler(SkillResources.ListTemplatesAsync)
            .WithCompleteHandler((request, ct) => request.Params?.Ref is PromptReference
                ? TemplatePrompts.CompleteAsync(request, ct)
                : SkillResources.CompleteAsync(request, ct));
        return builder;
    }

    public static WebApplication UsePromptmark(this WebApplication app)
    {
        app.Services.StartStorage();
        // Forwarded headers first: the origin rules and the throttles must see the client's scheme, host and address.
        app.UseForwardedHeaders();
        app.UsePromptmarkSecurity();
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMcpScopeChallenge();
        app.UseMcpDirectToolCalls();
        app.UseMcpJsonAnswers();
        app.UseFastEndpoints(fast =>
        {
            Wire.Configure(fast.Serializer.Options);
            fast.Binding.UsePropertyNamingPolicy = true;
            fast.Endpoints.AllowEmptyRequestDtos = true;
            fast.Serializer.RequestDeserializer = RestBodies.ReadAsync;
            fast.Binding.FailureMessage = (type, _, _) => "must be " + WireRequest.Expected(type);
            fast.Errors.ResponseBuilder = BindingProblems.Build;
            fast.Errors.ContentType = "application/problem+json";
            fast.Errors.ProducesMetadataType = typeof(Microsoft.AspNetCore.Mvc.ProblemDetails);
        });
        app.MapMcp("/mcp").RequireAuthorization();
        app.MapProtectedResourceMetadata();
        app.MapPromptmarkOAuth();
        app.MapPlaybookTrigger();
        app.MapPromptmarkClientMetadata();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/scalar").AllowAnonymous();
        app.UsePromptmarkSpa();
        EndpointsBuiltOnce.UseEndpointsBuiltOnce(app);
        app.Lifetime.ApplicationStopped.Register(() => app.Services.GetRequiredService<DatabaseConnection>().DisposeAsync().AsTask().GetAwaiter().GetResult());
        return app;
    }

    public static string Version => typeof(PromptmarkServices).Assembly.GetName().Version?.ToString(3) ?? "0.1.0";

    /// <summary>5080 unless the usual ASP.NET Core settings (ASPNETCORE_URLS, --urls, HTTP_PORTS, Kestrel endpoints) say otherwise.</summary>
    private static void UseDefaultUrlUnlessConfigured(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrEmpty(configuration["urls"]) || !string.IsNullOrEmpty(configuration["http_ports"])
            || !string.IsNullOrEmpty(configuration["https_ports"]) || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!configured) builder.WebHost.UseUrls(DefaultUrl);
    }
}
