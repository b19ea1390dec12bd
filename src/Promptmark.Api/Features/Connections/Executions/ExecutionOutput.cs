using System.Text;

namespace Promptmark.Api.Features.Connections.Executions;

/// <summary>Cuts a result's JSON for the audit trail at 64 KB on a character boundary, and says so.</summary>
public static class ExecutionOutput
{
    public const int MaxBytes = 64 * 1024;

    public static (string Text, bool Truncated, int Bytes) ForAudit(string json)
    {
        var bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes <= MaxBytes) return (json, false, bytes);
        var encoded = Encoding.UTF8.GetBytes(json);
        var cut = MaxBytes;
        while (cut > 0 && (encoded[cut] & 0xC0) == 0x80) cut--;
        return (Encoding.UTF8.GetString(encoded, 0, cut), true, bytes);
    }
}
