using JasperFx;
using Marten;
using Npgsql;
using Wolverine.Marten;

namespace Promptmark.Api.Infrastructure.Database;

public static class MartenSetup
{
    /// <summary>
    /// Every document is tenant-scoped ("conjoined" tenancy) with the owner's user id as tenant, so a session opened
    /// for a caller cannot read or write anyone else's rows. Users are the one exception: they are the tenants.
    /// Each area names its documents and their indexes through an <see cref="IConfigureMarten"/> beside them, so that
    /// the schema applied at start has every table (DocumentSchemaTests).
    /// </summary>
    public static IServiceCollection AddPromptmarkStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var database = new DatabaseConnection(configuration);
        database.StartResolving();
        // A factory, so that the container disposes it (and stops the cluster) with the host.
        services.AddSingleton(_ => database);
        foreach (var mapping in typeof(MartenSetup).Assembly.GetTypes().Where(t => typeof(IConfigureMarten).IsAssignableFrom(t) && !t.IsAbstract))
            services.AddSingleton(typeof(IConfigureMarten), mapping);

        services.AddMarten(provider =>
            {
                var options = new StoreOptions();
                options.Logger(new MartenCommandLog(provider.GetRequiredService<ILoggerFactory>()));
                options.DatabaseSchemaName = "promptmark";
                options.Policies.AllDocumentsAreMultiTenanted();
                // Last, since it may wait for the embedded cluster to start.
                var connectionString = provider.GetRequiredService<DatabaseConnection>().ConnectionString;
                options.Connection(WithAutoPrepare(connectionString));
                // Compared and patched at start (SchemaUpgrade) unless this build already did; never per document at run time.
                options.AutoCreateSchemaObjects = SchemaStamp.IsCurrent(connectionString) ? AutoCreate.None : AutoCreate.CreateOrUpdate;
                return options;
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine();
        services.AddHostedService<SchemaUpgrade>();
        return services;
    }

    /// <summary>Statements used more than once in a pooled connection, by far most of them.</summary>
    private const int AutoPreparedStatements = 256;

    /// <summary>
    /// Npgsql's automatic preparation, unless the connection string sets it: the same few statements run on every request,
    /// and PostgreSQL spent a third of its processor time per tool execution parsing and planning them again (perf, docs/execute-throughput.md).
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = AutoPreparedStatements;
        return builder.ConnectionString;
    }

    /// <summary>
    /// Gives the database its logger and builds the document store on the thread pool, so that the store comes up while
    /// the host maps its endpoints rather than when the first endpoint or hosted service needs it.
    /// </summary>
    public static void StartStorage(this IServiceProvider services)
    {
        services.GetRequiredService<DatabaseConnection>().LogTo(services.GetRequiredService<ILogger<DatabaseConnection>>());
        _ = Task.Run(services.GetRequiredService<IDocumentStore>);
    }
}
