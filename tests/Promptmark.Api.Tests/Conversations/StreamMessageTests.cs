using System.Text.Json;
using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Isolation;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Conversations;

/// <summary>POST /api/conversations/{id}/messages/stream against fake OpenAI-compatible and Anthropic servers.</summary>
public sealed class StreamMessageTests(PromptmarkApp app) : IAsyncLifetime
{
    private OpenAiCompatibleServer _openAi = null!;
    private AnthropicServer _anthropic = null!;

    public async ValueTask InitializeAsync()
    {
        _openAi = await OpenAiCompatibleServer.StartAsync();
        _anthropic = await AnthropicServer.StartAsync("sk-ant-test");
    }

    public async ValueTask DisposeAsync()
    {
        await _openAi.DisposeAsync();
        await _anthropic.DisposeAsync();
    }

    [Theory]
    [InlineData("local")]
    [InlineData("anthropic")]
    public async Task text_arrives_in_pieces_that_join_into_the_stored_answer_and_done_carries_what_send_answers(string provider)
    {
        var (user, conversation) = await ConversationAsync(provider);
        Server(provider).Reply(new ScriptedReply.Text("The tide turns at noon.", 12, 6));

        var events = await StreamAsync(user, conversation, "When?");

        events.Select(e => e.Name).ShouldBe(["text", "text", "text", "text", "text", "usage", "done"]);
        string.Concat(events.Where(e => e.Name == "text").Select(e => e.Data.Str("delta"))).ShouldBe("The tide turns at noon.");
        var usage = events.Single(e => e.Name == "usage").Data;
        (usage.GetProperty("input_tokens").GetInt64(), usage.GetProperty("output_tokens").GetInt64()).ShouldBe((12, 6));
        var done = events[^1].Data;
        done.Str("status").ShouldBe("completed");
        done.GetProperty("assistant_message").Str("content").ShouldBe("The tide turns at noon.");
        Server(provider).Requests.Single().Streams.ShouldBeTrue();
        var stored = await app.GetAsync(user, $"/api/conversations/{conversation}");
        stored.GetProperty("messages").EnumerateArray().Select(m => (m.Str("id"), m.Str("content")))
            .ShouldBe(done.GetProperty("messages").EnumerateArray().Select(m => (m.Str("id"), m.Str("content"))));
    }

    [Theory]
    [InlineData("local")]
    [InlineData("anthropic")]
    public async Task a_tool_call_and_its_result_stream_between_the_texts(string provider)
    {
        var (user, conversation) = await ConversationAsync(provider);
        await app.PostAsync(user, "/api/skills", new { content = TenantWorld.SkillMd("tide-tables", "Reads tide tables.") }, 201);
        Server(provider)
            .Reply(new ScriptedReply.ToolCall("load_skill", """{"name":"tide-tables"}""", 10, 2, Preamble: "Let me look."))
            .Reply(new ScriptedReply.Text("Loaded it.", 20, 3));

        var events = await StreamAsync(user, conversation, "Use a skill");

        events.Select(e => e.Name).ShouldBe(["text", "text", "text", "usage", "tool_call", "tool_result", "text", "text", "usage", "done"]);
        var call = events.Single(e => e.Name == "tool_call").Data;
        (call.Str("name"), JsonDocument.Parse(call.Str("arguments")).RootElement.Str("name")).ShouldBe(("load_skill", "tide-tables"));
        var result = events.Single(e => e.Name == "tool_result").Data;
        (result.Str("tool_call_id"), result.Str("outcome")).ShouldBe((call.Str("call_id"), "ran"));
        result.GetProperty("findings").ValueKind.ShouldBe(JsonValueKind.Array);
        var done = events[^1].Data;
        done.GetProperty("messages").EnumerateArray().Select(m => m.Str("content"))
            .ShouldBe(["Use a skill", "Let me look.", result.Str("content"), "Loaded it."]);
        (await app.GetAsync(user, $"/api/conversations/{conversation}")).GetProperty("message_count").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task a_provider_failure_after_the_stream_began_ends_it_with_an_error_and_stores_nothing()
    {
        var (user, conversation) = await ConversationAsync("local");
        await app.PostAsync(user, "/api/skills", new { content = TenantWorld.SkillMd("tide-tables", "Reads tide tables.") }, 201);
        _openAi.Reply(new ScriptedReply.ToolCall("load_skill", """{"name":"tide-tables"}""", 10, 2, Preamble: "Looking."))
            .Reply(new ScriptedReply.Failure(503, "overloaded"));

        var events = await StreamAsync(user, conversation, "Use a skill");

        events.Select(e => e.Name).ShouldBe(["text", "usage", "tool_call", "tool_result", "error"]);
        var problem = events[^1].Data;
        (problem.GetProperty("status").GetInt32(), problem.Str("detail")).ShouldBe((502, "local answered 503: overloaded"));
        var stored = await app.GetAsync(user, $"/api/conversations/{conversation}");
        stored.GetProperty("message_count").GetInt32().ShouldBe(0);
        stored.GetProperty("messages").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task a_refusal_before_the_stream_begins_is_a_plain_problem()
    {
        var (user, conversation) = await ConversationAsync("local");
        _openAi.Reply(new ScriptedReply.Failure(400, "The model `model-a` does not exist"));
        var stranger = await app.NewUserAsync();
        var unconfigured = (await app.PostAsync(stranger, "/api/conversations", new { title = "t", model_id = "openai/gpt-4o" }, 201)).Id();

        await app.PostAsync(stranger, $"/api/conversations/{conversation}/messages/stream", new { content = "Hi" }, 404);
        (await app.PostAsync(stranger, $"/api/conversations/{unconfigured}/messages/stream", new { content = "Hi" }, 422))
            .Str("detail").ShouldStartWith("No model provider named openai is configured");
        await app.PostAsync(user, $"/api/conversations/{conversation}/messages/stream", new { content = " " }, 400);
        (await app.PostAsync(user, $"/api/conversations/{conversation}/messages/stream", new { content = "Hi" }, 422))
            .Str("detail").ShouldBe("local answered 400: The model `model-a` does not exist");
        (await app.GetAsync(user, $"/api/conversations/{conversation}")).GetProperty("message_count").GetInt32().ShouldBe(0);
    }

    private ScriptedModelServer Server(string provider) => provider == "anthropic" ? _anthropic : _openAi;

    private async Task<(TestUser User, string Conversation)> ConversationAsync(string provider)
    {
        var user = await app.NewUserAsync();
        var server = Server(provider);
        await app.PutAsync(user, $"/api/providers/{provider}", new { api_key = server.ApiKey, base_url = server.BaseUrl.ToString() });
        var conversation = (await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = $"{provider}/model-a" }, 201)).Id();
        return (user, conversation);
    }

    private async Task<List<(string Name, JsonElement Data)>> StreamAsync(TestUser user, string conversation, string content)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { content }).ToUrl($"/api/conversations/{conversation}/messages/stream");
            s.WithBearerToken(user.Token);
            s.StatusCodeShouldBe(200);
            s.Header("Content-Type").ShouldHaveValues("text/event-stream");
        });
        return ServerSentEvents.Parse(await result.ReadAsTextAsync());
    }
}
