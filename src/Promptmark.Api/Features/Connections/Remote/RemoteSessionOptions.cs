namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>Limits for the pooled sessions of <see cref="RemoteMcpSessions"/>, bound from <c>Promptmark:Connections</c>.</summary>
public sealed class RemoteSessionOptions
{
    public const string SectionName = "Promptmark:Connections";

    /// <summary>The most bytes read from one HTTP response of a remote server; past it the operation fails.</summary>
    public long MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>How long one operation (opening the session included) may take before it is given up.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A session unused for this long is closed; the next operation opens a new one.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
