using Promptmark.Api.Features.Connections.Remote;

namespace Promptmark.Api.Tests.Connections.Remote;

public sealed class ResponseSizeLimitTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_answer_over_the_size_limit_fails_clearly_and_the_session_stays_usable()
    {
        await using var server = await McpTestServer.StartAsync();
        await using var pool = new SessionsUnderTest([server.Port], new RemoteSessionOptions { MaxResponseBytes = 64 * 1024 });
        var remote = RemoteServers.At(server.Url);

        var failure = await Should.ThrowAsync<RemoteServerException>(() =>
            pool.Sessions.CallToolAsync(remote, "echo", Arguments.Of(("text", new string('x', 200_000))), null, Cancellation));
        var after = await pool.Sessions.CallToolAsync(remote, "echo", Arguments.Of(("text", "still here")), null, Cancellation);

        failure.Message.ShouldBe("the server's answer was larger than the limit of 65,536 bytes (Promptmark:Connections:MaxResponseBytes)");
        Arguments.Text(after).ShouldBe("still here");
        server.Initializes.ShouldBe(1);
    }
}
