using System.Net;
using System.Net.Sockets;

namespace Promptmark.Api.Tests.Support;

/// <summary>Free TCP ports on 127.0.0.1, known before anything listens on them (e.g. for the app's egress allowlist).</summary>
public static class LoopbackPort
{
    private static readonly HashSet<int> Handed = [];

    /// <summary>A port that was free a moment ago and that no other caller in this test run has been given.</summary>
    public static int Reserve()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (Handed)
                if (Handed.Add(port)) return port;
        }
    }
}
