using Microsoft.Extensions.Logging;

namespace Promptmark.Api.Infrastructure.Database;

/// <summary>
/// pg_ctl takes any live process whose id is in postmaster.pid for a running server. After a crash, and in containers
/// especially, that id often belongs to an unrelated program by the next start; such a file is removed.
/// </summary>
internal static class StalePostmasterPid
{
    static readonly string[] ServerProgramNames = ["postgres", "postmaster"];

    /// <summary>The file a running server keeps its process id in.</summary>
    public static string FileOf(string dataDirectory) => Path.Combine(dataDirectory, "postmaster.pid");

    public static void RemoveIfHeldByAnotherProgram(string dataDirectory, ILogger logger)
    {
        var pidFile = FileOf(dataDirectory);
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)) return;

        var program = ProgramName(pid);
        if (program is null || ServerProgramNames.Contains(program)) return;

        File.Delete(pidFile);
        logger.LogWarning("Removed the stale {PidFile}: its process {Pid} is {Program}, not a PostgreSQL server", pidFile, pid, program);
    }

    // Null when the process is gone (pg_ctl copes with that itself) or there is no /proc to ask.
    static string? ProgramName(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
