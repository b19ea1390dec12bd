using Promptmark.Api.Infrastructure.Hosting;

namespace Promptmark.Api.Infrastructure.Database;

/// <summary>
/// Where Promptmark's data lives: <c>ConnectionStrings:Promptmark</c> when given (nothing is started), otherwise a
/// private PostgreSQL cluster under the data directory that Promptmark starts (see <see cref="StartResolving"/>) and stops on shutdown.
/// </summary>
public sealed class DatabaseConnection(IConfiguration configuration, DataDirectory data, ILogger<DatabaseConnection> logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private Task<string>? _resolving;
    private EmbeddedPostgres? _cluster;

    /// <summary>Waits for the cluster when it is still starting.</summary>
    public string ConnectionString => StartResolving().GetAwaiter().GetResult();

    /// <summary>
    /// Starts the embedded cluster on the thread pool, so that it comes up while the host maps its endpoints;
    /// called at the start of the pipeline and by the first use of <see cref="ConnectionString"/>.
    /// </summary>
    public Task<string> StartResolving()
    {
        lock (_gate) return _resolving ??= Task.Run(ResolveAsync);
    }

    private async Task<string> ResolveAsync()
    {
        if (configuration.GetConnectionString("Promptmark") is { Length: > 0 } configured) return configured;
        data.EnsureCreated();
        _cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = data.Combine("postgres") }, logger);
        StartupPhases.Mark("PostgreSQL ready");
        return _cluster.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        Task? resolving;
        lock (_gate) resolving = _resolving;
        // A cluster still starting is stopped once it is up; a start that failed has nothing to stop.
        if (resolving is not null) await resolving.ContinueWith(_ => { }, TaskScheduler.Default);
        if (_cluster is not null) await _cluster.StopAsync();
    }
}
