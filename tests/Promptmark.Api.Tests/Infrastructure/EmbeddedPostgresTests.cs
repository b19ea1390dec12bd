using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Promptmark.Api.Infrastructure.Database;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Infrastructure;

public sealed class EmbeddedPostgresTests : IDisposable
{
    readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("promptmark-pg-");

    EmbeddedPostgresOptions Options => new() { DataDirectory = _dataDirectory.FullName, Durable = false };

    string PidFile => Path.Combine(_dataDirectory.FullName, "postmaster.pid");

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dataDirectory.Delete(recursive: true);

    [Fact]
    public async Task Creates_a_cluster_then_reuses_it_whether_running_or_stopped()
    {
        await using (var first = await StartTimedAsync("first start (initdb)"))
        {
            (await QueryAsync(first, "select 1")).ShouldBe(1);
            await QueryAsync(first, "create table notes (body text); insert into notes values ('kept')");

            await using (var guest = await EmbeddedPostgres.StartAsync(Options, NullLogger.Instance, Ct))
            {
                guest.ConnectionString.ShouldBe(first.ConnectionString);
                await guest.StopAsync();
            }
            (await QueryAsync(first, "select count(*) from notes")).ShouldBe(1L);

            await first.StopAsync();
            File.Exists(PidFile).ShouldBeFalse();
        }

        await using var second = await StartTimedAsync("restart");
        (await QueryAsync(second, "select body from notes")).ShouldBe("kept");
        await second.StopAsync();
        await second.StopAsync();
        File.Exists(PidFile).ShouldBeFalse();
    }

    [Fact]
    public async Task A_stale_pid_file_does_not_prevent_starting()
    {
        await using (var crashed = await EmbeddedPostgres.StartAsync(Options, NullLogger.Instance, Ct))
            await KillServerAsync();
        File.Exists(PidFile).ShouldBeTrue();

        string[] pidFileContent;
        await using (var afterCrash = await StartTimedAsync("start after kill -9"))
        {
            (await QueryAsync(afterCrash, "select 1")).ShouldBe(1);
            pidFileContent = await File.ReadAllLinesAsync(PidFile, Ct);
        }

        // After a container restart, the old server's process id may belong to another program of the same user.
        using var unrelated = StartUnrelatedProcessOfTheServerUser();
        try
        {
            pidFileContent[0] = $"{unrelated.Id}";
            await File.WriteAllLinesAsync(PidFile, pidFileContent, Ct);
            await using var afterPidReuse = await EmbeddedPostgres.StartAsync(Options, NullLogger.Instance, Ct);
            (await QueryAsync(afterPidReuse, "select 1")).ShouldBe(1);
        }
        finally
        {
            unrelated.Kill();
        }
    }

    async Task<EmbeddedPostgres> StartTimedAsync(string what)
    {
        var elapsed = Stopwatch.StartNew();
        var postgres = await EmbeddedPostgres.StartAsync(Options, NullLogger.Instance, Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"{what}: {elapsed.ElapsedMilliseconds} ms");
        return postgres;
    }

    // Kills the postmaster and its children at once (they share its session), as a power loss or container kill would.
    async Task KillServerAsync()
    {
        var postmasterPid = int.Parse(File.ReadLines(PidFile).First());
        using var kill = Process.Start("kill", ["-KILL", "--", $"-{postmasterPid}"]);
        await kill.WaitForExitAsync(Ct);
        await Waits.UntilAsync(() => !Directory.Exists($"/proc/{postmasterPid}"), $"the killed postmaster {postmasterPid} to exit");
    }

    // As root, the server runs as postgres; setpriv execs in place, so the process id is the postgres-owned sleep.
    static Process StartUnrelatedProcessOfTheServerUser() => Environment.UserName == "root"
        ? Process.Start("setpriv", ["--reuid=postgres", "--regid=postgres", "--clear-groups", "sleep", "60"])
        : Process.Start("sleep", ["60"]);

    static async Task<object?> QueryAsync(EmbeddedPostgres postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }
}
