using System.Net;
using System.Net.Sockets;

namespace Promptmark.Bench;

public static class LoopbackPort
{
    /// <summary>A port the kernel just handed out on 127.0.0.1, released again for the process that will listen on it.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
