using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections;

/// <summary>
/// The streaming execute route is not a slice, so Isolation/StrangerTests does not call it: another user's connection
/// answers it 404, runs nothing, and stays untouched.
/// </summary>
public sealed class ConnectionIsolationTests(PromptmarkApp app, EverythingFixture everything) : IClassFixture<EverythingFixture>
{
    [Fact]
    public async Task the_stream_route_answers_404_to_a_stranger()
    {
        var owner = await app.NewUserAsync();
        var id = await app.ConnectAsync(owner, everything.Server.Endpoint);
        await app.ExecuteAsync(owner, id, "echo", new { message = "private" });
        var stranger = await app.NewUserAsync();

        var problem = await app.PostAsync(stranger, $"/api/mcp/connections/{id}/tools/echo/stream", new { arguments = new { message = "x" } }, 404);
        problem.Str("detail").ShouldBe("connection not found");

        (await app.ExecutionsAsync(owner, id)).GetArrayLength().ShouldBe(1);
        (await app.ExecutionsAsync(stranger)).GetArrayLength().ShouldBe(0);
    }
}
