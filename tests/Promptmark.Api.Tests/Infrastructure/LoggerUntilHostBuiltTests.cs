using Microsoft.Extensions.Logging;
using Promptmark.Api.Infrastructure.Hosting;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Infrastructure;

public sealed class LoggerUntilHostBuiltTests
{
    [Fact]
    public void What_is_logged_before_the_host_logs_is_written_once_attached_in_order_then_everything_directly()
    {
        var logger = new LoggerUntilHostBuilt();
        logger.LogInformation("cluster started in {Ms} ms", 412);
        logger.LogWarning("removed a stale {File}", "postmaster.pid");

        var captured = new CapturedLogs();
        logger.Attach(captured.CreateLogger("Database"));
        logger.LogInformation("cluster stopped");

        captured.Lines.Select(line => line.TrimEnd()).ShouldBe([
            "Information Database: cluster started in 412 ms",
            "Warning Database: removed a stale postmaster.pid",
            "Information Database: cluster stopped",
        ]);
    }
}
