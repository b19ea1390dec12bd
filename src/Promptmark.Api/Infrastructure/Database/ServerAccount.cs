namespace Promptmark.Api.Infrastructure.Database;

/// <summary>
/// The OS user that runs initdb, pg_ctl and the server. They refuse to run as root,
/// so a root process hands the cluster to the postgres user and runs them as that user through setpriv.
/// </summary>
/// <remarks>
/// setpriv (util-linux, like runuser) only changes the user, group and supplementary groups; runuser also opens a PAM
/// session, which took 2.5 times as long per command here, and a start runs four to six of them.
/// </remarks>
internal sealed class ServerAccount
{
    const string PostgresUser = "postgres";

    readonly bool _isPostgresUser;

    ServerAccount(bool isPostgresUser) => _isPostgresUser = isPostgresUser;

    public static ServerAccount ForCurrentProcess()
    {
        if (LibC.geteuid() != 0) return new ServerAccount(isPostgresUser: false);
        if (LibC.getpwnam(PostgresUser) == IntPtr.Zero)
            throw new EmbeddedPostgresException(
                "Promptmark runs as root, which initdb and pg_ctl refuse, and there is no 'postgres' OS user to run them as: " +
                "create one (useradd --system postgres), run Promptmark as a regular user, or set ConnectionStrings__Promptmark to an existing database.");
        return new ServerAccount(isPostgresUser: true);
    }

    public Task<CommandResult> RunAsync(Command command, TimeSpan timeout, CancellationToken ct) =>
        CommandRunner.RunAsync(AsServerUser(command), timeout, ct);

    /// <summary>Makes the server user own the folders (recursively) and checks it can reach them.</summary>
    public async Task HandOverAsync(IReadOnlyCollection<string> directories, CancellationToken ct)
    {
        if (!_isPostgresUser) return;
        var chown = new Command("chown", ["-R", $"{PostgresUser}:{PostgresUser}", .. directories]);
        (await CommandRunner.RunAsync(chown, CommandRunner.DefaultTimeout, ct)).EnsureSuccess();

        foreach (var directory in directories)
        {
            var reach = await RunAsync(new Command("test", ["-w", directory, "-a", "-x", directory]), CommandRunner.DefaultTimeout, ct);
            if (reach.ExitCode != 0)
                throw new EmbeddedPostgresException(
                    $"The postgres OS user cannot reach {directory}: make its parent folders traversable for others (chmod o+x) " +
                    "or choose a data directory outside private folders such as /root.");
        }
    }

    Command AsServerUser(Command command) => _isPostgresUser
        ? new Command("setpriv", [$"--reuid={PostgresUser}", $"--regid={PostgresUser}", "--init-groups", "--", command.Program, .. command.Arguments])
        : command;
}
