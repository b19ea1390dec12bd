using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Promptmark.Api.Infrastructure.Database;

namespace Promptmark.Api.Tests.Infrastructure;

public sealed class DeepDataDirectoryTests : IDisposable
{
    readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"promptmark-pg-{Guid.NewGuid():N}-{new string('d', 80)}");
    string? _socketDirectory;

    public void Dispose()
    {
        Directory.Delete(_dataDirectory, recursive: true);
        if (_socketDirectory is not null) Directory.Delete(_socketDirectory, recursive: true);
    }

    [Fact]
    public async Task A_data_directory_too_deep_for_a_socket_path_gets_its_socket_in_a_short_folder_under_tmp()
    {
        var ct = TestContext.Current.CancellationToken;

        await using var postgres = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions { DataDirectory = _dataDirectory, Durable = false }, NullLogger.Instance, ct);

        _socketDirectory = new NpgsqlConnectionStringBuilder(postgres.ConnectionString).Host;
        _socketDirectory.ShouldStartWith("/tmp/promptmark-pg-");
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync(ct);
    }
}
