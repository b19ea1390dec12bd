using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Infrastructure;

/// <summary>
/// What a user sends (notes, prompt text, template variables, tool arguments) is theirs, not the operator's: a request
/// that fails with 404, 422 or 502, on either door, leaves none of it in the log.
/// </summary>
public sealed class FailedRequestLogTests(PromptmarkApp app, EverythingFixture everything) : IClassFixture<EverythingFixture>
{
    private readonly string _canary = $"CANARY{Guid.NewGuid():N}";

    [Fact]
    public async Task what_a_caller_sent_to_a_failing_route_stays_out_of_the_log()
    {
        var user = await app.NewUserAsync();
        var missing = Guid.NewGuid().ToString();
        var template = (await app.CreatePromptAsync(user, new { title = "t", prompt = "Write {{words:number}} words" })).Id();

        await app.PatchAsync(user, $"/api/prompts/{missing}", new { prompt = _canary, notes = _canary }, 404);
        await app.PostAsync(user, $"/api/prompts/{missing}/responses", new { model_id = "m", content = _canary }, 404);
        await app.PostAsync(user, $"/api/prompts/{missing}/render", new { variables = new { words = _canary } }, 404);
        var unfit = await app.PostAsync(user, $"/api/prompts/{template}/render", new { variables = new { words = _canary } }, 422);
        unfit.GetRawText().ShouldContain(_canary, customMessage: "the caller is told which value did not fit; the operator is not");

        var token = $"token-{Guid.NewGuid():N}";
        var proxy = await everything.ProxyAsync(RequiredHeader.Bearer(token));
        var connection = await app.ConnectAsync(user, proxy.Endpoint(everything.Server.Endpoint), "bearer", token);
        await app.PostAsync(user, $"/api/mcp/connections/{connection}/refresh-tools", new { });
        await app.ExecuteAsync(user, missing, "echo", new { message = _canary }, 404);
        await app.ExecuteAsync(user, connection, "echo", new { message = new { text = _canary } }, 422);
        await app.PutAsync(user, $"/api/mcp/connections/{connection}", new { auth_type = "bearer", auth_credentials = "a-wrong-token" });
        await app.ExecuteAsync(user, connection, "echo", new { message = _canary }, 502);

        await using var mcp = await app.McpClientAsync(user);
        await mcp.CallErrorAsync("update_prompt", new { id = missing, notes = _canary });
        await mcp.CallErrorAsync("capture_response", new { prompt_id = missing, model_id = "m", content = _canary });
        await mcp.CallErrorAsync("render_prompt", new { id = template, variables = new { words = _canary } });

        app.Logs.Lines.Where(l => l.Contains(_canary, StringComparison.Ordinal)).ShouldBeEmpty();
    }
}
