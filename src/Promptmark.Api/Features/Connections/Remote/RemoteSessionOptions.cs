namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>Time limits for the pooled sessions of <see cref="RemoteMcpSessions"/>.</summary>
public sealed class RemoteSessionOptions
{
    /// <summary>How long one operation (opening the session included) may take before it is given up.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A session unused for this long is closed; the next operation opens a new one.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
