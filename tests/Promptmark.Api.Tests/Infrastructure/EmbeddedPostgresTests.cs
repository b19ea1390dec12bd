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
    public async Task A_server_that_cannot_start_fails_with_the_reason_from_its_log()
    {
        await using (var first = await EmbeddedPostgres.StartAsync(Options, NullLogger.Instance, Ct))
            await first.StopAsync();
        await File.AppendAllTextAsync(Path.Combine(_dataDirectory.FullName, "postgresql.auto.conf"), "shared_buffers = 'plenty'\n", Ct);

        // The start does not wait for pg_ctl, but pg_ctl's failure still ends the wait for connections, with its reason.
        var failure = await Should.ThrowAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(Options, NullLogger.Instance, Ct));
        failure.Message.ShouldContain("PostgreSQL did not start");
        failure.Message.ShouldContain("\"shared_buffers\": \"plenty\"");
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

    [Fact]
    public async Task A_cluster_left_running_by_a_killed_owner_is_adopted_and_stopped_at_shutdown()
    {
        await using (await EmbeddedPostgres.StartAsync(Options, NullLogger.Instance, Ct)) { }
        using (var killedOwner = await HoldOwnershipAsync())
        {
            await StartServerAsItsOwnerDidAsync();
            killedOwner.Kill();
            await killedOwner.WaitForExitAsync(Ct);
        }
        var postmasterPid = PostmasterPid();

        await using (var adopter = await EmbeddedPostgres.StartAsync(Options, NullLogger.Instance, Ct))
            (await QueryAsync(adopter, "select 1")).ShouldBe(1);

        File.Exists(PidFile).ShouldBeFalse();
        // pg_ctl stop returns once postmaster.pid is gone, a moment before the process itself ends.
        await ProcessEndedAsync(postmasterPid);
    }

    [Fact]
    public async Task A_cluster_owned_by_another_live_promptmark_is_used_but_neither_started_nor_stopped()
    {
        await using (await EmbeddedPostgres.StartAsync(Options, NullLogger.Instance, Ct)) { }
        using (var liveOwner = await HoldOwnershipAsync())
        {
            var refused = await Should.ThrowAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(Options, NullLogger.Instance, Ct));
            refused.Message.ShouldContain("Another Promptmark process holds");

            await StartServerAsItsOwnerDidAsync();
            try
            {
                await using (var guest = await EmbeddedPostgres.StartAsync(Options, NullLogger.Instance, Ct))
                    (await QueryAsync(guest, "select 1")).ShouldBe(1);
                IsAlive(PostmasterPid()).ShouldBeTrue();
            }
            finally
            {
                liveOwner.Kill();
                await liveOwner.WaitForExitAsync(Ct);
                await using (await EmbeddedPostgres.StartAsync(Options, NullLogger.Instance, Ct)) { }
            }
        }
        File.Exists(PidFile).ShouldBeFalse();
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
        var postmasterPid = PostmasterPid();
        using var kill = Process.Start("kill", ["-KILL", "--", $"-{postmasterPid}"]);
        await kill.WaitForExitAsync(Ct);
        await ProcessEndedAsync(postmasterPid);
    }

    // Another process holding the cluster's lock, as a running Promptmark does: one process (the shell execs into sleep)
    // that keeps the locked file open, so killing it releases the lock.
    async Task<Process> HoldOwnershipAsync()
    {
        var lockFile = Path.Combine(_dataDirectory.FullName, "promptmark.lock");
        var holder = Process.Start(new ProcessStartInfo("sh", ["-c", "exec 9>>\"$0\" && flock --nonblock 9 && echo locked && exec sleep 600", lockFile])
        {
            RedirectStandardOutput = true,
        })!;
        (await holder.StandardOutput.ReadLineAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldBe("locked");
        return holder;
    }

    // pg_ctl run by the test itself, so that no Promptmark in this process owns the server.
    async Task StartServerAsItsOwnerDidAsync()
    {
        string[] pgCtl = [PostgresBinaries.Locate().PgCtl, "-D", _dataDirectory.FullName, "-l", Path.Combine(_dataDirectory.FullName, "server.log"), "-w", "start"];
        using var start = Environment.UserName == "root"
            ? Process.Start("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", .. pgCtl])
            : Process.Start(pgCtl[0], pgCtl[1..]);
        await start.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(90), Ct);
        start.ExitCode.ShouldBe(0);
    }

    int PostmasterPid() => int.Parse(File.ReadLines(PidFile).First());

    static Task ProcessEndedAsync(int pid) => Waits.UntilAsync(() => !IsAlive(pid), $"process {pid} to exit");

    static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

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
