namespace Promptmark.Api.Infrastructure.Database;

/// <summary>The folder holding the PostgreSQL server programs Promptmark drives.</summary>
public sealed record PostgresBinaries(string BinDirectory)
{
    public const string DebianInstallRoot = "/usr/lib/postgresql";

    static readonly string[] RequiredPrograms = ["initdb", "pg_ctl", "postgres"];

    public string Initdb => Path.Combine(BinDirectory, "initdb");
    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    public static PostgresBinaries Locate(string? clusterMajorVersion = null) =>
        Locate(Environment.GetEnvironmentVariable("PATH"), DebianInstallRoot, clusterMajorVersion);

    /// <summary>PATH first, then <paramref name="installRoot"/>/&lt;version&gt;/bin, highest version first.</summary>
    public static PostgresBinaries Locate(string? pathVariable, string installRoot, string? clusterMajorVersion = null)
    {
        var directory = DirectoriesOnPath(pathVariable)
            .Concat(InstalledVersionDirectories(installRoot, clusterMajorVersion))
            .FirstOrDefault(HasRequiredPrograms);
        return directory is null ? throw new PostgresBinariesNotFoundException(installRoot) : new PostgresBinaries(directory);
    }

    static IEnumerable<string> DirectoriesOnPath(string? pathVariable) =>
        (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // An existing cluster's own version comes first: a server of another major version cannot open its files.
    static IEnumerable<string> InstalledVersionDirectories(string installRoot, string? clusterMajorVersion) =>
        Directory.Exists(installRoot)
            ? Directory.GetDirectories(installRoot)
                .Select(versionDirectory => Path.GetFileName(versionDirectory))
                .OrderByDescending(version => version == clusterMajorVersion)
                .ThenByDescending(ParseVersion)
                .Select(version => Path.Combine(installRoot, version, "bin"))
            : [];

    static Version ParseVersion(string name) =>
        Version.TryParse(name.Contains('.') ? name : name + ".0", out var version) ? version : new Version();

    static bool HasRequiredPrograms(string directory) =>
        RequiredPrograms.All(program => IsExecutableFile(Path.Combine(directory, program)));

    static bool IsExecutableFile(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
