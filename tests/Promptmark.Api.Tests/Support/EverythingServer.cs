using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Promptmark.Api.Tests.Support;

/// <summary>
/// The reference MCP server <c>@modelcontextprotocol/server-everything</c> (npm, <see cref="Version"/>) as a real node
/// process listening on 127.0.0.1 in one of its HTTP transports; it can be stopped and started again on the same port.
/// </summary>
/// <remarks>
/// What 2026.8.31 serves (its dist/tools/*.js; checked by TestServers/EverythingServerTests.cs):
/// <c>echo {message}</c> → "Echo: {message}"; <c>get-sum {a, b}</c> → "The sum of {a} and {b} is {a+b}.";
/// <c>trigger-long-running-operation {duration (seconds, default 10), steps (default 5)}</c> sends notifications/progress
/// {progress: i, total: steps} after each step when the call has a progress token (duration 1, steps 4: one every 0.25 s;
/// the last one may reach the client after the result); <c>get-tiny-image</c> → text, image (image/png), text;
/// <c>get-resource-links {count 1-10}</c> → text + resource_link blocks; <c>get-resource-reference</c> → an embedded
/// resource; <c>get-annotated-message {messageType}</c>, <c>get-structured-content {location}</c>, <c>get-env</c>,
/// <c>gzip-file-as-resource</c>, <c>toggle-simulated-logging</c>, <c>toggle-subscriber-updates</c>,
/// <c>simulate-research-query {topic}</c>; and only for clients declaring roots / sampling / elicitation:
/// <c>get-roots-list</c>, <c>trigger-sampling-request(-async)</c>, <c>trigger-elicitation-request(-async)</c>,
/// <c>trigger-url-elicitation</c>. One page of tools (no nextCursor). No tool returns audio, and none answers isError on
/// its own: invalid or missing arguments and unknown tool names come back as isError results.
/// </remarks>
public sealed class EverythingServer : IAsyncDisposable
{
    public const string Version = "2026.8.31";
    public const string InstallCommand = $"npm install --prefix artifacts/ci-tools @modelcontextprotocol/server-everything@{Version}";

    /// <summary>The tools it lists to Promptmark: its 13 for every client, and trigger-elicitation-request for a client that declares elicitation.</summary>
    public const int ToolCount = 14;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The shared preload that keeps the server on 127.0.0.1 (it listens on every interface otherwise).</summary>
    private static readonly string ListenOnLoopbackOnly = Path.Combine(RepositoryRoot(), "build", "server-everything", "listen-on-loopback.mjs");

    private readonly string _entry;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private EverythingServer(string entry, EverythingTransport transport, int port)
    {
        _entry = entry;
        Transport = transport;
        Port = port;
    }

    public EverythingTransport Transport { get; }
    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public Uri Endpoint => new(BaseAddress, Transport.EndpointPath());

    /// <summary>Starts the server on <paramref name="port"/> (a fresh loopback port when null) and waits until it accepts connections.</summary>
    public static async Task<EverythingServer> StartAsync(EverythingTransport transport, int? port = null)
    {
        var server = new EverythingServer(LocateEntry(), transport, port ?? LoopbackPort.Reserve());
        try
        {
            await server.StartProcessAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Kills the server (like a crash: sessions are gone); the port refuses connections afterwards.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>A fresh server process on the same port (no sessions survive).</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartProcessAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartProcessAsync()
    {
        _output.Clear();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--import", ListenOnLoopbackOnly, _entry, Transport.Argument() })
            start.ArgumentList.Add(argument);
        start.Environment["PORT"] = Port.ToString(CultureInfo.InvariantCulture);
        // gzip-file-as-resource fetches any http(s) URL it is given (by default one on GitHub): keep it on this machine.
        start.Environment["GZIP_ALLOWED_DOMAINS"] = "127.0.0.1";

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilListeningAsync(process);
    }

    private async Task WaitUntilListeningAsync(Process process)
    {
        var waited = Stopwatch.StartNew();
        while (!await AcceptsConnectionsAsync())
        {
            if (process.HasExited)
            {
                process.WaitForExit(); // lets the output readers finish
                throw new InvalidOperationException(
                    $"server-everything ({Transport.Argument()}, port {Port}) exited with code {process.ExitCode} before listening:\n{Output}");
            }
            if (waited.Elapsed > StartTimeout)
                throw new TimeoutException(
                    $"server-everything ({Transport.Argument()}, port {Port}) did not accept connections within {StartTimeout.TotalSeconds:0} s:\n{Output}");
            await Task.Delay(50);
        }
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string Output => string.Join('\n', _output);

    private void Remember(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 100) _output.TryDequeue(out _);
    }

    private static string LocateEntry()
    {
        var package = Path.Combine(RepositoryRoot(), "artifacts", "ci-tools", "node_modules", "@modelcontextprotocol", "server-everything");
        var manifest = Path.Combine(package, "package.json");
        if (!File.Exists(manifest))
            throw new InvalidOperationException(
                $"server-everything is not installed ({manifest} is missing). From the repository root, run: {InstallCommand}");
        var installed = JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.GetProperty("version").GetString();
        if (installed != Version)
            throw new InvalidOperationException(
                $"server-everything {installed} is installed but the tests expect {Version}. From the repository root, run: {InstallCommand}");
        return Path.Combine(package, "dist", "index.js");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Promptmark.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No Promptmark.sln above {AppContext.BaseDirectory}: cannot find artifacts/ci-tools.");
    }
}
