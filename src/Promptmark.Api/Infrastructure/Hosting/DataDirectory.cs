using System.Security.Cryptography;

namespace Promptmark.Api.Infrastructure.Hosting;

/// <summary>
/// Promptmark's own folder (<c>Promptmark:DataDirectory</c>, default <c>.data</c> under the working directory):
/// the embedded PostgreSQL cluster and the secrets generated on first start live here, owner-only.
/// </summary>
public sealed class DataDirectory(string path, ILogger logger)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public static DataDirectory From(IConfiguration configuration, ILogger logger) =>
        new(configuration["Promptmark:DataDirectory"] ?? ".data", logger);

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>
    /// Reads a random secret of <paramref name="bytes"/> length kept in <paramref name="fileName"/>, creating it
    /// (mode 0600 in a 0700 folder) on first use. Used when no key is configured, so nothing secret is ever committed.
    /// </summary>
    public byte[] GetOrCreateSecret(string fileName, int bytes, string purpose)
    {
        var file = Combine(fileName);
        if (File.Exists(file)) return Convert.FromBase64String(File.ReadAllText(file).Trim());
        EnsureCreated();
        var secret = RandomNumberGenerator.GetBytes(bytes);
        using (var stream = new FileStream(file, new FileStreamOptions
               {
                   Mode = FileMode.CreateNew, Access = FileAccess.Write,
                   UnixCreateMode = OperatingSystem.IsWindows() ? null : UnixFileMode.UserRead | UnixFileMode.UserWrite,
               }))
        using (var writer = new StreamWriter(stream))
            writer.Write(Convert.ToBase64String(secret));
        logger.LogWarning("No {Purpose} configured: generated one in {File} (owner-only). Back it up with the data.", purpose, file);
        return secret;
    }

    /// <summary>
    /// Creates the folder as 0711: others may pass through it (the embedded cluster runs as the <c>postgres</c> user
    /// when Promptmark runs as root) but not list it; every secret file in it is 0600.
    /// </summary>
    public void EnsureCreated()
    {
        if (Directory.Exists(Path)) return;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(Path);
        else Directory.CreateDirectory(Path,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }
}
