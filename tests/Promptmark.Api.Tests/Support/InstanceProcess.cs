using System.Diagnostics;
using System.Net;

namespace Promptmark.Api.Tests.Support;

/// <summary>
/// Promptmark as an operator runs it: its own process (the build output beside the tests), on its own loopback port,
/// with the settings given. Stopped with SIGTERM, as a service manager would, and killed if it does not exit.
/// </summary>
public sealed class InstanceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private InstanceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts an instance and returns once its <c>/health</c> answers 200.</summary>
    public static async Task<InstanceProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        var port = LoopbackPort.Reserve();
        var assembly = ApiAssembly();
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new InstanceProcess(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await instance.WaitUntilHealthyAsync(ct).WaitAsync(Waits.Bound, ct);
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The API's own build output in the tests' configuration (built with them, as a project reference), not the copy
    /// beside the tests: from there, start-up scans the test assemblies too.
    /// </summary>
    private static string ApiAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var (framework, configuration) = (testOutput.Name, testOutput.Parent!.Name);
        var root = testOutput;
        while (!File.Exists(Path.Combine(root.FullName, "Promptmark.sln"))) root = root.Parent!;
        return Path.Combine(root.FullName, "src", "Promptmark.Api", "bin", configuration, framework, "Promptmark.Api.dll");
    }

    private async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Promptmark exited with code {_process.ExitCode} during start-up.");
            try
            {
                if ((await http.GetAsync("/health", ct)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(50, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
    }
}
