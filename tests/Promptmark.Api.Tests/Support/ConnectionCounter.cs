using System.Net;
using System.Net.Sockets;

namespace Promptmark.Api.Tests.Support;

/// <summary>
/// A bare TCP listener on 127.0.0.1 that counts the connections it accepts; with <c>answersNoContent</c> it reads one
/// request from each and answers HTTP 204.
/// </summary>
public sealed class ConnectionCounter : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly bool answersNoContent;
    private readonly List<int> acceptedFrom = [];

    public ConnectionCounter(bool answersNoContent = false)
    {
        this.answersNoContent = answersNoContent;
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Accepted
    {
        get { lock (acceptedFrom) return acceptedFrom.Count; }
    }

    /// <summary>
    /// How many connections reached the listener before now, without sleeping on it: a marker connection is made and
    /// counted once accepted. Connections are accepted in the order they were established, so any made before this
    /// call is counted before the marker.
    /// </summary>
    public async Task<int> AcceptedBeforeNowAsync()
    {
        using var marker = new TcpClient();
        await marker.ConnectAsync(IPAddress.Loopback, Port).Bounded();
        var markerPort = ((IPEndPoint)marker.Client.LocalEndPoint!).Port;
        await Waits.UntilAsync(() => { lock (acceptedFrom) return acceptedFrom.Contains(markerPort); }, "the marker connection to be accepted");
        lock (acceptedFrom) return acceptedFrom.IndexOf(markerPort);
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on.</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose() => listener.Stop();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var socket = await listener.AcceptSocketAsync();
                lock (acceptedFrom) acceptedFrom.Add(((IPEndPoint)socket.RemoteEndPoint!).Port);
                if (!answersNoContent) continue;
                var buffer = new byte[4096];
                await socket.ReceiveAsync(buffer);
                await socket.SendAsync("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"u8.ToArray());
                socket.Shutdown(SocketShutdown.Both);
            }
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
    }
}
