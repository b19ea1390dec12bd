using ModelContextProtocol;
using Promptmark.Api.Features.Connections.Executions;

namespace Promptmark.Api.Tests.Connections;

public sealed class StreamEventsTests
{
    [Fact]
    public async Task A_flood_of_progress_stays_bounded_keeps_the_latest_and_still_ends_with_the_result()
    {
        var events = new StreamEvents();

        // Nobody reads while the server floods: the tool call must not wait, and the backlog must not grow.
        for (var step = 1; step <= 100_000; step++)
            events.Progress.Report(new ProgressNotificationValue { Progress = step, Total = 100_000 });
        events.Reader.Count.ShouldBe(StreamEvents.Backlog);
        events.End("result", "done");

        var written = await events.Reader.ReadAllAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        written.Count.ShouldBe(StreamEvents.Backlog);
        written[^1].ShouldBe(new ServerSentEvent("result", "done"));
        written[^2].Data.ShouldBe(new ProgressEvent(100_000, 100_000, null));
    }
}
