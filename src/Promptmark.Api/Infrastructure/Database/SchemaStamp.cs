using JasperFx;
using Marten;
using Npgsql;
using Wolverine;

namespace Promptmark.Api.Infrastructure.Database;

/// <summary>
/// Which build last brought the database schema up to date: the module version ids of Promptmark and of the libraries
/// that shape its tables. A start by the same build skips Marten's schema comparison (a catalogue sweep per document
/// type, about a second), and Marten then checks nothing at run time either; any other build compares and patches.
/// </summary>
public static class SchemaStamp
{
    private const string Table = "promptmark.schema_stamp";

    public static string Current { get; } = string.Join(",",
        new[] { typeof(SchemaStamp), typeof(DocumentStore), typeof(Wolverine.IMessageBus), typeof(Weasel.Core.DbObjectName) }
            .Select(type => type.Assembly.ManifestModule.ModuleVersionId.ToString("N")));

    /// <summary>Whether the schema was last applied by this build; false when the stamp or its table is missing.</summary>
    public static bool IsCurrent(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var read = new NpgsqlCommand($"select stamp from {Table} where id = 1", connection);
        try
        {
            return read.ExecuteScalar() as string == Current;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            return false;
        }
    }

    public static async Task RecordAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var create = new NpgsqlCommand($"create table if not exists {Table} (id int primary key, stamp text not null)", connection))
            await create.ExecuteNonQueryAsync(ct);
        await using var write = new NpgsqlCommand(
            $"insert into {Table} (id, stamp) values (1, $1) on conflict (id) do update set stamp = excluded.stamp", connection);
        write.Parameters.Add(new NpgsqlParameter { Value = Current });
        await write.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>
/// Brings the schema up to date before anything else starts, unless <see cref="SchemaStamp"/> says this build already did:
/// stands in for Marten's <c>ApplyAllDatabaseChangesOnStartup</c>, which compares every table on every start.
/// The stamp is written once every hosted service has started, so Wolverine's message tables are built by then too; when
/// it is current, Wolverine only probes that its tables exist instead of comparing their schema (it starts after this).
/// </summary>
internal sealed class SchemaUpgrade(IDocumentStore store, StoreOptions options, WolverineOptions wolverine, DatabaseConnection database) : IHostedLifecycleService
{
    private bool Applies => options.AutoCreateSchemaObjects != AutoCreate.None;

    public async Task StartAsync(CancellationToken ct)
    {
        if (Applies) await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        else wolverine.AutoBuildMessageStorageOnStartup = AutoCreate.None;
    }

    public async Task StartedAsync(CancellationToken ct)
    {
        if (Applies) await SchemaStamp.RecordAsync(database.ConnectionString, ct);
    }

    public Task StartingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
