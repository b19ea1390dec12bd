using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Promptmark.Api.Infrastructure.Database;

/// <summary>
/// A private PostgreSQL cluster in a folder Promptmark owns: created on first start, reused afterwards,
/// reachable only through an owner-only unix socket (no TCP), with trust authentication.
/// The process that holds the cluster's <see cref="ClusterOwnership"/> starts it (or adopts it, still running after
/// its previous owner was killed) and stops it at shutdown; another live Promptmark on the same folder only uses it.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    const string Superuser = "promptmark";
    const int PgCtlWaitSeconds = 60;

    // pg_ctl gives up by itself after PgCtlWaitSeconds; the margin lets it say why before we kill it.
    static readonly TimeSpan PgCtlTimeout = TimeSpan.FromSeconds(PgCtlWaitSeconds + 15);

    readonly PostgresBinaries _binaries;
    readonly ServerAccount _account;
    readonly string _dataDirectory;
    readonly ClusterOwnership? _ownership;
    readonly ILogger _logger;
    readonly Lock _stopGate = new();
    Task? _stopping;

    EmbeddedPostgres(PostgresBinaries binaries, ServerAccount account, string dataDirectory, string connectionString, ClusterOwnership? ownership, ILogger logger)
    {
        _binaries = binaries;
        _account = account;
        _dataDirectory = dataDirectory;
        ConnectionString = connectionString;
        _ownership = ownership;
        _logger = logger;
    }

    public string ConnectionString { get; }

    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, ILogger logger, CancellationToken ct = default)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException(
                "The embedded PostgreSQL needs unix sockets and runs on Linux or macOS only: set ConnectionStrings__Promptmark to an existing database.");

        var elapsed = Stopwatch.StartNew();
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        var binaries = PostgresBinaries.Locate(ClusterVersion(dataDirectory));
        var account = ServerAccount.ForCurrentProcess();

        var socketDirectory = SocketDirectory.For(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        if (socketDirectory != dataDirectory) SocketDirectory.Prepare(socketDirectory);
        string[] directories = socketDirectory == dataDirectory ? [dataDirectory] : [dataDirectory, socketDirectory];
        var isNew = ClusterVersion(dataDirectory) is null;
        if (isNew)
        {
            await account.HandOverAsync(directories, ct);
            await InitializeAsync(binaries, account, dataDirectory, options.Durable, ct);
        }
        // Taken after initdb, which wants an empty folder; of two first starts racing, initdb fails for one of them.
        var ownership = ClusterOwnership.TryTake(dataDirectory);
        bool wasRunning;
        try
        {
            if (ownership is not null) ClusterSettings.Write(dataDirectory, socketDirectory, options.Durable);
            await account.HandOverAsync(directories, ct);

            StalePostmasterPid.RemoveIfHeldByAnotherProgram(dataDirectory, logger);
            wasRunning = await IsRunningAsync(binaries, account, dataDirectory, ct);
            if (!wasRunning)
            {
                if (ownership is null)
                    throw new EmbeddedPostgresException(
                        $"Another Promptmark process holds the PostgreSQL cluster at {dataDirectory} ({ClusterOwnership.LockFileOf(dataDirectory)} is locked) " +
                        "but it is not running: stop that process, or give this one its own data directory.");
                await ServerReadiness.WaitAsync(dataDirectory, StartServerAsync(binaries, account, dataDirectory, ct), ct);
            }
        }
        catch
        {
            ownership?.Dispose();
            throw;
        }

        var connectionString = ConnectionStringFor(socketDirectory, options.Database);
        var postgres = new EmbeddedPostgres(binaries, account, dataDirectory, connectionString, ownership, logger);
        try
        {
            await DatabaseBootstrap.EnsureDatabaseAsync(connectionString, ct);
        }
        catch (Exception e)
        {
            var failure = e is NpgsqlException or TimeoutException
                ? new EmbeddedPostgresException($"PostgreSQL at {dataDirectory} did not accept connections: {e.Message}\n{ServerLog.Tail(dataDirectory)}", e)
                : null;
            await postgres.StopAsync();
            if (failure is null) throw;
            throw failure;
        }

        var how = isNew ? "new cluster"
            : !wasRunning ? "started"
            : ownership is null ? "owned by another Promptmark process, used without owning it"
            : "left running by a Promptmark process that ended without stopping it, adopted";
        logger.LogInformation("PostgreSQL {Version} cluster at {DataDirectory} ready in {ElapsedMs} ms ({How}; socket in {SocketDirectory})",
            ClusterVersion(dataDirectory), dataDirectory, elapsed.ElapsedMilliseconds, how, socketDirectory);
        return postgres;
    }

    /// <summary>Stops the server if this instance owns it; safe to call more than once.</summary>
    public Task StopAsync()
    {
        lock (_stopGate)
            return _stopping ??= StopServerAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    async Task StopServerAsync()
    {
        using (var connection = new NpgsqlConnection(ConnectionString))
            NpgsqlConnection.ClearPool(connection);

        if (_ownership is null)
        {
            _logger.LogInformation("Left the PostgreSQL cluster at {DataDirectory} running: another Promptmark process owns it", _dataDirectory);
            return;
        }

        using (_ownership)
        {
            var stop = new Command(_binaries.PgCtl, ["-D", _dataDirectory, "-m", "fast", "-w", "-t", $"{PgCtlWaitSeconds}", "stop"]);
            var result = await _account.RunAsync(stop, PgCtlTimeout, CancellationToken.None);
            if (result.ExitCode != 0 && await IsRunningAsync(_binaries, _account, _dataDirectory, CancellationToken.None))
                result.EnsureSuccess();
        }
        _logger.LogInformation("Stopped the PostgreSQL cluster at {DataDirectory}", _dataDirectory);
    }

    static async Task InitializeAsync(PostgresBinaries binaries, ServerAccount account, string dataDirectory, bool durable, CancellationToken ct)
    {
        List<string> arguments = ["-D", dataDirectory, "-U", Superuser, "--auth=trust", "-E", "UTF8", .. ClusterLocale.InitdbArguments()];
        if (!durable) arguments.Add("--no-sync");
        (await account.RunAsync(new Command(binaries.Initdb, arguments), CommandRunner.DefaultTimeout, ct)).EnsureSuccess();
    }

    static async Task<bool> IsRunningAsync(PostgresBinaries binaries, ServerAccount account, string dataDirectory, CancellationToken ct)
    {
        // A server that runs has its postmaster.pid; without one, pg_ctl status (a command as the server user) can only say no.
        if (!File.Exists(StalePostmasterPid.FileOf(dataDirectory))) return false;
        const int NotRunning = 3;
        var status = await account.RunAsync(new Command(binaries.PgCtl, ["-D", dataDirectory, "status"]), CommandRunner.DefaultTimeout, ct);
        if (status.ExitCode == NotRunning) return false;
        status.EnsureSuccess();
        return true;
    }

    static async Task StartServerAsync(PostgresBinaries binaries, ServerAccount account, string dataDirectory, CancellationToken ct)
    {
        var log = Path.Combine(dataDirectory, ServerLog.FileName);
        var start = new Command(binaries.PgCtl, ["-D", dataDirectory, "-l", log, "-w", "-t", $"{PgCtlWaitSeconds}", "start"]);
        var result = await account.RunAsync(start, PgCtlTimeout, ct);
        if (result.ExitCode != 0)
            throw new EmbeddedPostgresException(
                $"PostgreSQL did not start from {dataDirectory} (`{start}` exited with {result.ExitCode}: {result.Output})\n{ServerLog.Tail(dataDirectory)}");
    }

    static string? ClusterVersion(string dataDirectory)
    {
        var versionFile = Path.Combine(dataDirectory, "PG_VERSION");
        return File.Exists(versionFile) ? File.ReadAllText(versionFile).Trim() : null;
    }

    static string ConnectionStringFor(string socketDirectory, string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = socketDirectory,
            Port = SocketDirectory.Port,
            Username = Superuser,
            Database = database,
            Pooling = true,
            MaxPoolSize = 50,
        }.ConnectionString;
}
