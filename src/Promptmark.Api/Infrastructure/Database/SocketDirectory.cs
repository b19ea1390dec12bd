using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;

namespace Promptmark.Api.Infrastructure.Database;

internal static class SocketDirectory
{
    public const int Port = 5432;

    // sockaddr_un.sun_path holds 108 bytes, including the terminating NUL.
    const int MaxSocketPathBytes = 107;

    /// <summary>The data directory itself, or a short folder under /tmp when the socket path would be too long.</summary>
    public static string For(string dataDirectory)
    {
        var socketPath = Path.Combine(dataDirectory, $".s.PGSQL.{Port}");
        if (Encoding.UTF8.GetByteCount(socketPath) <= MaxSocketPathBytes) return dataDirectory;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)));
        return $"/tmp/promptmark-pg-{hash[..16]}";
    }

    /// <summary>Creates the folder for its owner only; refuses one planted by someone else.</summary>
    [UnsupportedOSPlatform("windows")]
    public static void Prepare(string socketDirectory)
    {
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var directory = Directory.CreateDirectory(socketDirectory, OwnerOnly);
        if (directory.LinkTarget is not null || !TrySetMode(directory, OwnerOnly))
            throw new EmbeddedPostgresException($"The socket folder {socketDirectory} belongs to another user or is a link: remove it and start again.");
    }

    // Only the owner (or root) may change the mode, so success also proves the folder is ours.
    [UnsupportedOSPlatform("windows")]
    static bool TrySetMode(DirectoryInfo directory, UnixFileMode mode)
    {
        try
        {
            directory.UnixFileMode = mode;
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
