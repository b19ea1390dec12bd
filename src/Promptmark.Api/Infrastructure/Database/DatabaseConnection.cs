using Promptmark.Api.Infrastructure.Hosting;

namespace Promptmark.Api.Infrastructure.Database;

/// <summary>
/// Where Promptmark's data lives: <c>ConnectionStrings:Promptmark</c> when given (nothing is started), otherwise a
/// private PostgreSQL cluster under the data directory that Promptmark starts on first use and stops on shutdown.
/// </summary>
public sealed class DatabaseConnection(IConfiguration configuration, DataDirectory data, ILogger<DatabaseConnection> logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private string? _connectionString;
    private EmbeddedPostgres? _cluster;

    public string ConnectionString
    {
        get
        {
            lock (_gate) return _connectionString ??= Resolve();
        }
    }

    private string Resolve()
    {
        if (configuration.GetConnectionString("Promptmark") is { Length: > 0 } configured) return configured;
        data.EnsureCreated();
        _cluster = EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = data.Combine("postgres") }, logger)
            .GetAwaiter().GetResult();
        return _cluster.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null) await _cluster.StopAsync();
    }
}
