namespace Promptmark.Api.Infrastructure.Database;

/// <summary>
/// Which Promptmark process owns a cluster: the one holding an exclusive flock on <c>promptmark.lock</c> in its data
/// directory. The kernel drops the lock when that process ends, even by SIGKILL, and the server programs it starts
/// don't inherit it (files are opened close-on-exec), so a cluster still running with a free lock was left by a
/// Promptmark that died: the next one adopts it. A lock that is held means another live Promptmark owns the cluster.
/// </summary>
internal sealed class ClusterOwnership : IDisposable
{
    public const string FileName = "promptmark.lock";

    const int LockExclusive = 2;
    const int LockNonBlocking = 4;

    readonly FileStream _lockFile;

    ClusterOwnership(FileStream lockFile) => _lockFile = lockFile;

    public static string LockFileOf(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>The ownership, or null while another process holds it.</summary>
    public static ClusterOwnership? TryTake(string dataDirectory)
    {
        FileStream lockFile;
        try
        {
            // On Unix the runtime takes flock(LOCK_EX | LOCK_NB) itself for FileShare.None and fails when it is held.
            lockFile = new FileStream(LockFileOf(dataDirectory), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
        // Again by hand, in case the runtime's file locking is switched off (DOTNET_SYSTEM_IO_DISABLEFILELOCKING).
        if (LibC.flock(lockFile.SafeFileHandle, LockExclusive | LockNonBlocking) != 0)
        {
            lockFile.Dispose();
            return null;
        }
        return new ClusterOwnership(lockFile);
    }

    public void Dispose() => _lockFile.Dispose();
}
