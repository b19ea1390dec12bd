using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections;

public sealed class ServerRestartTests(PromptmarkApp app)
{
    [Fact]
    public async Task a_connection_survives_its_server_being_stopped_and_restarted_and_keeps_its_history()
    {
        await using var server = await EverythingServer.StartAsync(EverythingTransport.StreamableHttp);
        var user = await app.NewUserAsync();
        var id = await app.ConnectAsync(user, server.Endpoint);
        await app.ExecuteAsync(user, id, "echo", new { message = "before" });

        await server.StopAsync();
        (await app.ExecuteAsync(user, id, "echo", new { message = "while down" }, 502)).Str("detail").ShouldContain("could not reach the server");
        (await app.PostAsync(user, $"/api/mcp/connections/{id}/refresh-tools", new { }, 502)).Str("detail").ShouldContain("could not reach the server");
        var down = await app.GetAsync(user, $"/api/mcp/connections/{id}");
        down.Str("status").ShouldBe("error");
        down.GetProperty("tools").GetArrayLength().ShouldBe(EverythingServer.ToolCount, "the cached tools stay while the server is away");

        await server.RestartAsync();
        (await app.PostAsync(user, $"/api/mcp/connections/{id}/refresh-tools", new { })).GetProperty("tools").GetArrayLength().ShouldBe(EverythingServer.ToolCount);
        (await app.GetAsync(user, $"/api/mcp/connections/{id}")).Str("status").ShouldBe("connected");
        (await app.ExecuteAsync(user, id, "echo", new { message = "after" })).ResultText().ShouldBe("Echo: after");

        var history = await app.ExecutionsAsync(user, id);
        history.EnumerateArray().Select(e => (e.Str("status"), e.GetProperty("input").GetProperty("message").GetString()))
            .ShouldBe([("success", "after"), ("failed", "while down"), ("success", "before")]);
        history[1].Str("error").ShouldContain("could not reach the server");
    }

    [Fact]
    public async Task a_session_the_server_expired_is_reopened_without_the_caller_noticing()
    {
        await using var server = await EverythingServer.StartAsync(EverythingTransport.StreamableHttp);
        await using var proxy = new AuthProxy(server.BaseAddress, LoopbackPort.Reserve());
        await proxy.StartAsync();
        var user = await app.NewUserAsync();
        var id = await app.ConnectAsync(user, proxy.Endpoint(server.Endpoint));
        await app.ExecuteAsync(user, id, "echo", new { message = "one" });

        proxy.ExpireSessions();

        (await app.ExecuteAsync(user, id, "echo", new { message = "two" })).ResultText().ShouldBe("Echo: two");
        proxy.Requests.Count(r => r.Method == "POST" && r.Header("Mcp-Session-Id") is null).ShouldBe(2, "one initialize before, one after the expiry");
    }
}
