using System.ComponentModel;
using System.Diagnostics;

namespace Promptmark.Api.Infrastructure.Database;

internal static class CommandRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task<CommandResult> RunAsync(Command command, TimeSpan timeout, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo(command.Program, command.Arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The postgres user may not be allowed into our working directory.
            WorkingDirectory = "/",
        };
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new EmbeddedPostgresException($"Could not run `{command}`: {e.Message}.", e);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            await process.WaitForExitAsync(deadline.Token);
            await Task.WhenAll(stdout, stderr).WaitAsync(deadline.Token);
            return new CommandResult(command, process.ExitCode, $"{stdout.Result}\n{stderr.Result}".Trim());
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested) throw;
            throw new EmbeddedPostgresException($"`{command}` did not finish within {timeout.TotalSeconds:0} seconds and was killed.");
        }
    }
}
