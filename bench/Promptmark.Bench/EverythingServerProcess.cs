using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Promptmark.Bench;

/// <summary>
/// The reference MCP server <c>@modelcontextprotocol/server-everything</c> as a node process serving Streamable HTTP
/// on a free 127.0.0.1 port; disposing kills it.
/// </summary>
public sealed class EverythingServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EverythingServerProcess(Process process, int port)
    {
        _process = process;
        Endpoint = new Uri($"http://127.0.0.1:{port}/mcp");
    }

    /// <summary>Processor time the server's process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public Uri Endpoint { get; }

    public static async Task<EverythingServerProcess> StartAsync(BenchOptions options)
    {
        if (!File.Exists(options.EverythingEntry))
            throw new FileNotFoundException($"Install server-everything first (./build.sh --target=TestServers): {options.EverythingEntry} is missing.");
        var port = LoopbackPort.Free();
        // The preload keeps it on 127.0.0.1: it listens on every interface otherwise.
        var start = new ProcessStartInfo("node", ["--import", options.EverythingPreload, options.EverythingEntry, "streamableHttp"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PORT"] = port.ToString() },
        };
        var process = Process.Start(start)!;
        // It logs a line per request; reading keeps the pipe from filling up and stalling it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new EverythingServerProcess(process, port);
        try
        {
            await server.WaitUntilListeningAsync(port);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited) throw new InvalidOperationException($"server-everything exited with code {_process.ExitCode} during start-up.");
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) { }
            await Task.Delay(25);
        }
        throw new TimeoutException("server-everything did not accept connections within 30 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
