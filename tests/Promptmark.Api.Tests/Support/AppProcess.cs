using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;

namespace Promptmark.Api.Tests.Support;

/// <summary>
/// Promptmark as a separate process (the built Promptmark.Api.dll beside the tests) with its own embedded PostgreSQL in
/// <paramref name="dataDirectory"/>: for tests that kill it the hard way and start it again on the same data.
/// </summary>
public sealed class AppProcess(string dataDirectory, int port) : IAsyncDisposable
{
    /// <summary>A first start creates the cluster (initdb), which takes long on a loaded machine: a bound, not a timing.</summary>
    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(3);

    private readonly StringBuilder _log = new();
    private Process? _process;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}");

    public string Log { get { lock (_log) return _log.ToString(); } }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Promptmark.Api.dll"), "--urls", BaseAddress.ToString() }) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Promptmark__DataDirectory"] = dataDirectory;
        start.Environment["ConnectionStrings__Promptmark"] = "";
        start.Environment["Promptmark__Connections__AllowedHosts__0"] = "127.0.0.1";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => { lock (_log) _log.AppendLine(line.Data); };
        _process.ErrorDataReceived += (_, line) => { lock (_log) _log.AppendLine(line.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + StartBound;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Promptmark exited with {_process.ExitCode}:\n{Log}");
            if (DateTime.UtcNow > until) throw new TimeoutException($"Promptmark did not become healthy:\n{Log}");
            try
            {
                if ((await http.GetAsync("/health", TestContext.Current.CancellationToken)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process!.Kill();
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).Bounded();
    }

    /// <summary>SIGTERM and a wait for the exit, so that the embedded cluster is stopped too.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is null || _process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await term.WaitForExitAsync();
        await _process.WaitForExitAsync().WaitAsync(Waits.Bound);
        _process.Dispose();
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = Waits.Bound };
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
