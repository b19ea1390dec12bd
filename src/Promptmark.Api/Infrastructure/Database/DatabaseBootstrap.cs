using System.Diagnostics;
using Npgsql;

namespace Promptmark.Api.Infrastructure.Database;

internal static class DatabaseBootstrap
{
    static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>Creates the application database unless it exists, then waits until it answers.</summary>
    public static async Task EnsureDatabaseAsync(string connectionString, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        var database = target.Database!;

        await using (var connection = await OpenWhenReadyAsync(maintenance.ConnectionString, ct))
        {
            await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
            exists.Parameters.Add(new NpgsqlParameter { Value = database });
            if (await exists.ExecuteScalarAsync(ct) is null)
                await CreateAsync(connection, database, ct);
        }

        await using var _ = await OpenWhenReadyAsync(target.ConnectionString, ct);
    }

    static async Task CreateAsync(NpgsqlConnection connection, string database, CancellationToken ct)
    {
        var quotedName = $"\"{database.Replace("\"", "\"\"")}\"";
        await using var create = new NpgsqlCommand($"create database {quotedName}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another process created it between our check and now.
        }
    }

    static async Task<NpgsqlConnection> OpenWhenReadyAsync(string connectionString, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(ct);
                return connection;
            }
            catch (NpgsqlException e) when (e.IsTransient && waited.Elapsed < ReadyTimeout)
            {
                await connection.DisposeAsync();
                await Task.Delay(RetryDelay, ct);
            }
        }
    }
}
