using Promptmark.Api.Infrastructure.Hosting;

namespace Promptmark.Api.Infrastructure.Database;

/// <summary>
/// Where Promptmark's data lives: <c>ConnectionStrings:Promptmark</c> when given (nothing is started), otherwise a
/// private PostgreSQL cluster under the data directory that Promptmark starts and stops on shutdown. The cluster takes
/// about half a second to start, so it starts as soon as services are registered (<see cref="StartResolving"/>),
/// beside the build of the host and the mapping of its endpoints; the settings are read then.
/// </summary>
public sealed class DatabaseConnection(IConfiguration configuration) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly LoggerUntilHostBuilt _logger = new();
    private Task<string>? _resolving;
    private EmbeddedPostgres? _cluster;

    /// <summary>Waits for the cluster when it is still starting.</summary>
    public string ConnectionString => StartResolving().GetAwaiter().GetResult();

    /// <summary>Starts the embedded cluster on the thread pool unless it was started; the first use of <see cref="ConnectionString"/> also does.</summary>
    public Task<string> StartResolving()
    {
        lock (_gate) return _resolving ??= Task.Run(ResolveAsync);
    }

    /// <summary>Where the cluster's start and stop are logged, once the host's logging exists; until then it is held.</summary>
    public void LogTo(ILogger logger) => _logger.Attach(logger);

    private async Task<string> ResolveAsync()
    {
        if (configuration.GetConnectionString("Promptmark") is { Length: > 0 } configured) return configured;
        var data = DataDirectory.From(configuration, _logger);
        data.EnsureCreated();
        _cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = data.Combine("postgres") }, _logger);
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
