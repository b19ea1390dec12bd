using JasperFx;
using Marten;
using Promptmark.Api.Features.Auth;
using Wolverine.Marten;

namespace Promptmark.Api.Infrastructure.Database;

public static class MartenSetup
{
    /// <summary>
    /// Every document is tenant-scoped ("conjoined" tenancy) with the owner's user id as tenant, so a session opened
    /// for a caller cannot read or write anyone else's rows. Users are the one exception: they are the tenants.
    /// Each area adds its own indexes through an <see cref="IConfigureMarten"/> beside its document.
    /// </summary>
    public static IServiceCollection AddPromptmarkStorage(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseConnection>();
        foreach (var mapping in typeof(MartenSetup).Assembly.GetTypes().Where(t => typeof(IConfigureMarten).IsAssignableFrom(t) && !t.IsAbstract))
            services.AddSingleton(typeof(IConfigureMarten), mapping);

        services.AddMarten(provider =>
            {
                var options = new StoreOptions();
                var connectionString = provider.GetRequiredService<DatabaseConnection>().ConnectionString;
                options.Connection(connectionString);
                options.Logger(new MartenCommandLog(provider.GetRequiredService<ILoggerFactory>()));
                options.DatabaseSchemaName = "promptmark";
                // Compared and patched at start (SchemaUpgrade) unless this build already did; never per document at run time.
                options.AutoCreateSchemaObjects = SchemaStamp.IsCurrent(connectionString) ? AutoCreate.None : AutoCreate.CreateOrUpdate;
                options.Policies.AllDocumentsAreMultiTenanted();
                options.Schema.For<User>().SingleTenanted().UniqueIndex(u => u.Email);
                return options;
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine();
        services.AddHostedService<SchemaUpgrade>();
        return services;
    }
}
