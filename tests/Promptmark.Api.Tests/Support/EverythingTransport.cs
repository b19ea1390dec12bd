namespace Promptmark.Api.Tests.Support;

/// <summary>The HTTP transports of server-everything, each with the argument that selects it and the path it serves.</summary>
public enum EverythingTransport
{
    /// <summary><c>streamableHttp</c>: POST/GET/DELETE <c>/mcp</c>, sessions in the <c>Mcp-Session-Id</c> header.</summary>
    StreamableHttp,

    /// <summary><c>sse</c> (the 2024-11-05 HTTP+SSE transport): GET <c>/sse</c>, then POST <c>/message?sessionId=…</c>.</summary>
    Sse,
}

public static class EverythingTransportExtensions
{
    public static string Argument(this EverythingTransport transport) => transport switch
    {
        EverythingTransport.StreamableHttp => "streamableHttp",
        EverythingTransport.Sse => "sse",
        _ => throw new ArgumentOutOfRangeException(nameof(transport)),
    };

    public static string EndpointPath(this EverythingTransport transport) => transport switch
    {
        EverythingTransport.StreamableHttp => "/mcp",
        EverythingTransport.Sse => "/sse",
        _ => throw new ArgumentOutOfRangeException(nameof(transport)),
    };
}
