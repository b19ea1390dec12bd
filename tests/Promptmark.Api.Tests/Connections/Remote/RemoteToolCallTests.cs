using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections.Remote;

public sealed class RemoteToolCallTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tool_is_called_with_its_arguments()
    {
        await using var server = await McpTestServer.StartAsync();
        await using var pool = new SessionsUnderTest([server.Port]);

        var result = await pool.Sessions.CallToolAsync(RemoteServers.At(server.Url), "echo", Arguments.Of(("text", "hello")), null, Cancellation);

        result.IsError.ShouldNotBe(true);
        Arguments.Text(result).ShouldBe("hello");
    }

    [Fact]
    public async Task Progress_reaches_the_caller_rising_and_never_after_the_result()
    {
        await using var server = await McpTestServer.StartAsync();
        await using var pool = new SessionsUnderTest([server.Port]);
        var progress = new RecordingProgress();

        var result = await pool.Sessions.CallToolAsync(RemoteServers.At(server.Url), "count", Arguments.Of(("to", 20)), progress, Cancellation);
        var seenAtResult = progress.Values.Count;
        // Instead of sleeping: a second call on the same session, answered after everything the first one sent.
        await pool.Sessions.CallToolAsync(RemoteServers.At(server.Url), "echo", Arguments.Of(("text", "barrier")), null, Cancellation).Bounded();

        Arguments.Text(result).ShouldBe("counted to 20");
        progress.Values.Count.ShouldBeGreaterThanOrEqualTo(10);
        progress.Values.ShouldBe(progress.Values.Order().Distinct().ToList());
        progress.Values.ShouldAllBe(value => value >= 1 && value <= 20);
        progress.Values.Count.ShouldBe(seenAtResult);
    }

    [Fact]
    public async Task The_caller_cancelling_stops_the_remote_call_promptly()
    {
        await using var server = await McpTestServer.StartAsync();
        await using var pool = new SessionsUnderTest([server.Port]);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        var call = pool.Sessions.CallToolAsync(RemoteServers.At(server.Url), "wait", Arguments.Of(), null, caller.Token);
        await server.WaitStarted.Task.Bounded();
        await caller.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(call.Bounded());
        await server.WaitCancelled.Task.Bounded();
    }

    [Fact]
    public async Task An_operation_that_outlasts_its_time_limit_fails_with_a_safe_message()
    {
        await using var server = await McpTestServer.StartAsync();
        await using var pool = new SessionsUnderTest([server.Port], new RemoteSessionOptions { OperationTimeout = TimeSpan.FromSeconds(1) });

        var failure = await Should.ThrowAsync<RemoteServerException>(
            pool.Sessions.CallToolAsync(RemoteServers.At(server.Url), "wait", Arguments.Of(), null, Cancellation));

        failure.Message.ShouldBe("timed out after 1 s");
    }

    [Fact]
    public async Task An_unknown_tool_is_reported_in_the_servers_words_and_the_session_is_kept()
    {
        await using var server = await McpTestServer.StartAsync();
        await using var pool = new SessionsUnderTest([server.Port]);
        var remote = RemoteServers.At(server.Url);

        var failure = await Should.ThrowAsync<RemoteServerException>(
            pool.Sessions.CallToolAsync(remote, "no_such_tool", Arguments.Of(), null, Cancellation));
        await pool.Sessions.CallToolAsync(remote, "echo", Arguments.Of(("text", "still here")), null, Cancellation);

        failure.Message.ShouldStartWith("the server answered with an error: ");
        failure.Message.ShouldContain("no_such_tool");
        server.Initializes.ShouldBe(1);
    }
}
