using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections.Remote;

public sealed class ResumedStreamTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(RemoteMcpSessions.ProtocolVersion)]
    [InlineData("2025-06-18")]
    [InlineData("2025-03-26")]
    public async Task A_call_whose_stream_closes_before_the_result_gets_it_by_resuming_from_the_last_event(string serverRevision)
    {
        await using var server = await ResumingServer.StartAsync(serverRevision);
        await using var pool = new SessionsUnderTest([server.Port]);

        var result = await pool.Sessions.CallToolAsync(RemoteServers.At(server.Url), "anything", Arguments.Of(), null, Cancellation).Bounded();

        Arguments.Text(result).ShouldBe(ResumingServer.ResultText);
        server.ResumedFrom.ShouldBe([ResumingServer.PrimingEventId]);
        server.RequestedVersions.Last().ShouldBe(serverRevision);
    }

    [Fact]
    public async Task A_server_answering_a_revision_the_client_does_not_speak_is_refused_after_one_initialize()
    {
        await using var server = await ResumingServer.StartAsync("2024-01-01");
        await using var pool = new SessionsUnderTest([server.Port]);

        var failure = await Should.ThrowAsync<RemoteServerException>(() =>
            pool.Sessions.CallToolAsync(RemoteServers.At(server.Url), "anything", Arguments.Of(), null, Cancellation).Bounded());

        failure.Message.ShouldBe("the server's answer was not understood");
        server.RequestedVersions.ShouldBe([RemoteMcpSessions.ProtocolVersion]);
    }
}
