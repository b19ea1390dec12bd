namespace Promptmark.Api.Infrastructure.Database;

/// <summary>
/// Promptmark's server settings live in their own file, rewritten on every start and included from postgresql.conf.
/// postgresql.auto.conf (ALTER SYSTEM) is read last, so an operator can still override any of them.
/// </summary>
internal static class ClusterSettings
{
    const string FileName = "promptmark.conf";
    const string IncludeLine = $"include = '{FileName}'";

    public static void Write(string dataDirectory, string socketDirectory, bool durable)
    {
        File.WriteAllLines(Path.Combine(dataDirectory, FileName), Lines(socketDirectory, durable));

        var mainConfig = Path.Combine(dataDirectory, "postgresql.conf");
        if (!File.ReadLines(mainConfig).Contains(IncludeLine))
            File.AppendAllLines(mainConfig, ["", "# Promptmark's settings", IncludeLine]);
    }

    static IEnumerable<string> Lines(string socketDirectory, bool durable)
    {
        yield return "# Written by Promptmark on every start: change settings with ALTER SYSTEM instead.";
        yield return "listen_addresses = ''  # no TCP: the server is reachable through its socket only";
        yield return $"port = {SocketDirectory.Port}";
        yield return $"unix_socket_directories = {Quote(socketDirectory)}";
        yield return "unix_socket_permissions = 0700";
        yield return "max_connections = 100";
        yield return "shared_buffers = 128MB";
        if (durable) yield break;

        yield return "fsync = off";
        yield return "synchronous_commit = off";
        yield return "full_page_writes = off";
    }

    static string Quote(string value) => $"'{value.Replace(@"\", @"\\").Replace("'", "''")}'";
}
