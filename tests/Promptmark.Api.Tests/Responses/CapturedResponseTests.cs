using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Responses;

public sealed class CapturedResponseTests(PromptmarkApp app)
{
    [Fact]
    public async Task a_response_is_captured_listed_newest_first_read_and_deleted()
    {
        var user = await app.NewUserAsync();
        var prompt = await app.CreatePromptAsync(user, new { title = "t", prompt = "p" });
        var url = $"/api/prompts/{prompt.Id()}/responses";
        await app.PostAsync(user, url, new { model_id = "openai/gpt-4o", content = "first" }, 201);
        var second = await app.PostAsync(user, url, new { model_id = "anthropic/claude-sonnet-4", content = new string('x', 500), metadata = new { tokens = 512, temperature = 0.2 } }, 201);
        second.GetProperty("metadata").GetProperty("tokens").GetInt32().ShouldBe(512);

        var list = await app.GetAsync(user, $"/api/responses?prompt_id={prompt.Id()}");
        list.GetProperty("total").GetInt64().ShouldBe(2);
        var newest = list.GetProperty("responses")[0];
        newest.Str("model_id").ShouldBe("anthropic/claude-sonnet-4");
        newest.Str("preview").Length.ShouldBe(201);
        newest.GetProperty("content_length").GetInt32().ShouldBe(500);

        (await app.GetAsync(user, $"/api/responses/{second.Id()}")).Str("content").Length.ShouldBe(500);
        await app.DeleteAsync(user, $"/api/responses/{second.Id()}");
        await app.GetAsync(user, $"/api/responses/{second.Id()}", 404);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"tokens: 5\"")]
    [InlineData("42")]
    public async Task metadata_must_be_a_json_object(string metadata)
    {
        var user = await app.NewUserAsync();
        var prompt = await app.CreatePromptAsync(user, new { title = "t", prompt = "p" });
        var body = System.Text.Json.JsonDocument.Parse($"{{\"model_id\":\"m\",\"content\":\"c\",\"metadata\":{metadata}}}").RootElement;
        var problem = await app.PostAsync(user, $"/api/prompts/{prompt.Id()}/responses", body, 400);
        problem.GetProperty("errors").GetProperty("metadata")[0].GetString()!.ShouldContain("JSON object");
        (await app.GetAsync(user, "/api/responses")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task content_over_one_megabyte_is_refused()
    {
        var user = await app.NewUserAsync();
        var prompt = await app.CreatePromptAsync(user, new { title = "t", prompt = "p" });
        await app.PostAsync(user, $"/api/prompts/{prompt.Id()}/responses", new { model_id = "m", content = new string('a', 1_000_001) }, 400);
    }

    [Fact]
    public async Task responses_work_over_mcp()
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);
        var promptId = (await mcp.CallJsonAsync("create_prompt", new { title = "t", prompt = "p" })).Id();
        var captured = await mcp.CallJsonAsync("capture_response", new { prompt_id = promptId, model_id = "m", content = "answer", metadata = new { latency_ms = 900 } });
        (await mcp.CallJsonAsync("list_captured_responses", new { prompt_id = promptId })).GetProperty("total").GetInt64().ShouldBe(1);
        (await mcp.CallJsonAsync("get_captured_response", new { id = captured.Id() })).Str("content").ShouldBe("answer");
        (await mcp.CallJsonAsync("delete_captured_response", new { id = captured.Id() })).GetProperty("success").GetBoolean().ShouldBeTrue();
        (await mcp.CallErrorAsync("capture_response", new { prompt_id = promptId, model_id = "m", content = "c", metadata = "not an object" })).ShouldContain("metadata");
    }
}
