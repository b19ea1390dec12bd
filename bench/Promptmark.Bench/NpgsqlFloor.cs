using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Promptmark.Api.Infrastructure.Database;

namespace Promptmark.Bench;

/// <summary>
/// The floor for a read: a bare minimal API on 127.0.0.1 answering <c>GET /api/prompts/{id}</c> with the one query
/// Marten issues to load a prompt of a tenant, run with Npgsql on Promptmark's own database. No auth, no Marten, no
/// handler: an HTTP request and one PostgreSQL round trip.
/// </summary>
public sealed class NpgsqlFloor : IAsyncDisposable
{
    /// <summary>What Marten sends for <c>session.LoadAsync&lt;Prompt&gt;(id)</c> on a conjoined-tenancy store.</summary>
    public const string LoadPromptSql = "select d.data, d.id, d.mt_version from promptmark.mt_doc_prompt as d where id = $1 and d.tenant_id = $2";

    private readonly WebApplication _app;
    private readonly NpgsqlDataSource _dataSource;
    private readonly EmbeddedPostgres _cluster;

    private NpgsqlFloor(WebApplication app, NpgsqlDataSource dataSource, EmbeddedPostgres cluster, Uri baseAddress)
    {
        _app = app;
        _dataSource = dataSource;
        _cluster = cluster;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Joins the cluster <paramref name="server"/> owns (it stays running and owned) and serves the floor for the session's user.</summary>
    public static async Task<NpgsqlFloor> StartAsync(ServerProcess server, BenchSession session)
    {
        var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = server.PostgresDirectory }, NullLogger.Instance);
        var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString);
        var tenant = await session.UserIdAsync();
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add($"http://127.0.0.1:{port}");
        app.MapGet("/api/prompts/{id:guid}", async (Guid id, CancellationToken ct) =>
        {
            await using var command = dataSource.CreateCommand(LoadPromptSql);
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            command.Parameters.Add(new NpgsqlParameter { Value = tenant });
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? Results.Text(reader.GetString(0), "application/json") : Results.NotFound();
        });
        await app.StartAsync();
        return new NpgsqlFloor(app, dataSource, cluster, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _dataSource.DisposeAsync();
        await _cluster.DisposeAsync();
    }
}
