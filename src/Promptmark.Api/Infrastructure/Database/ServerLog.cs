using System.Text;

namespace Promptmark.Api.Infrastructure.Database;

internal static class ServerLog
{
    public const string FileName = "server.log";

    const int TailBytes = 4096;

    /// <summary>The last few kilobytes of the log, for error messages; the log grows for the cluster's whole life.</summary>
    public static string Tail(string dataDirectory)
    {
        try
        {
            using var log = new FileStream(Path.Combine(dataDirectory, FileName), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            log.Seek(Math.Max(0, log.Length - TailBytes), SeekOrigin.Begin);
            using var reader = new StreamReader(log, Encoding.UTF8);
            var tail = reader.ReadToEnd();
            return log.Length > TailBytes ? tail[(tail.IndexOf('\n') + 1)..] : tail;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"(no server log: {e.Message})";
        }
    }
}
