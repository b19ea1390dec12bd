using System.Text.Json;
using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Conversations;

/// <summary>
/// Native provider tools reach the provider in its own wire shape (the local Anthropic Messages server and OpenAI Responses
/// server record the request), and a provider that has no built-in tools refuses the send before anything is sent.
/// </summary>
public sealed class NativeToolTests(PromptmarkApp app) : IAsyncLifetime
{
    private AnthropicServer _anthropic = null!;
    private OpenAiCompatibleServer _openAi = null!;
    private OpenAiResponsesServer _responses = null!;

    public async ValueTask InitializeAsync()
    {
        _anthropic = await AnthropicServer.StartAsync("sk-ant-test");
        _openAi = await OpenAiCompatibleServer.StartAsync();
        _responses = await OpenAiResponsesServer.StartAsync("sk-openai-test");
    }

    public async ValueTask DisposeAsync()
    {
        await _anthropic.DisposeAsync();
        await _openAi.DisposeAsync();
        await _responses.DisposeAsync();
    }

    [Fact]
    public async Task anthropic_web_search_and_code_execution_reach_the_messages_api_as_its_server_tools()
    {
        var (user, conversation) = await ConversationAsync("anthropic", _anthropic,
            Native("web_search", "web_search_20250305"), Native("code_execution", "code_execution_20250522"));
        _anthropic.Reply(new ScriptedReply.Text("Searched.", 10, 2));

        var sent = await app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content = "Search the tides" });

        sent.Str("status").ShouldBe("completed");
        var tools = _anthropic.Requests.Single().Body.GetProperty("tools").EnumerateArray().ToList();
        tools.Select(t => t.Str("type")).ShouldContain(t => t.StartsWith("web_search_", StringComparison.Ordinal));
        tools.Select(t => t.Str("type")).ShouldContain(t => t.StartsWith("code_execution_", StringComparison.Ordinal));
        tools.Single(t => t.Str("type").StartsWith("web_search_", StringComparison.Ordinal)).Str("name").ShouldBe("web_search");
    }

    [Fact]
    public async Task openai_web_search_goes_through_the_responses_api_and_its_streamed_text_usage_and_cost_arrive()
    {
        var (user, conversation) = await ConversationAsync("openai", _responses, Native("web_search", "web_search", "openai"));
        _responses.Reply(new ScriptedReply.Text("High tide is at noon.", 30, 7));

        var events = await app.StreamAsync(user, $"/api/conversations/{conversation}/messages/stream", new { content = "Search the tides" });

        var request = _responses.Requests.Single();
        (request.Path, request.Streams).ShouldBe(("/v1/responses", true));
        request.Body.GetProperty("tools").EnumerateArray().Select(t => t.Str("type")).ShouldContain(t => t.StartsWith("web_search", StringComparison.Ordinal));
        string.Concat(events.Where(e => e.Name == "text").Select(e => e.Data.Str("delta"))).ShouldBe("High tide is at noon.");
        var usage = events.Single(e => e.Name == "usage").Data;
        (usage.GetProperty("input_tokens").GetInt64(), usage.GetProperty("output_tokens").GetInt64(), usage.GetProperty("cost_usd").GetDecimal())
            .ShouldBe((30, 7, (30 * 2m + 7 * 8m) / 1_000_000m));
        events[^1].Name.ShouldBe("done");
        events[^1].Data.GetProperty("assistant_message").Str("content").ShouldBe("High tide is at noon.");
    }

    [Theory]
    [InlineData("local")]
    [InlineData("openrouter")]
    public async Task a_provider_reached_through_chat_completions_refuses_native_tools_before_anything_is_sent(string provider)
    {
        var (user, conversation) = await ConversationAsync(provider, _openAi, Native("web_search", "web_search", "openai"));

        var refused = await app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content = "Search" }, 422);

        refused.Str("detail").ShouldContain("has no built-in tools");
        _openAi.Requests.ShouldBeEmpty();
        (await app.GetAsync(user, $"/api/conversations/{conversation}")).GetProperty("message_count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task a_native_type_with_no_hosted_counterpart_is_refused_by_name()
    {
        var (user, conversation) = await ConversationAsync("anthropic", _anthropic, Native("bash", "bash_20250124"));

        var refused = await app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content = "Run it" }, 422);

        refused.Str("detail").ShouldContain("bash_20250124");
        _anthropic.Requests.ShouldBeEmpty();
    }

    private static object Native(string name, string type, string provider = "anthropic") =>
        new { tool_name = name, is_native = true, native_provider = provider, native_type = type };

    private async Task<(TestUser User, string Conversation)> ConversationAsync(string provider, ScriptedModelServer server, params object[] tools)
    {
        var user = await app.NewUserAsync();
        await app.PutAsync(user, $"/api/providers/{provider}", new { api_key = server.ApiKey ?? "sk-any", base_url = server.BaseUrl.ToString() });
        var conversation = (await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = $"{provider}/model-a" }, 201)).Id();
        await app.PutAsync(user, $"/api/conversations/{conversation}/tools", new { tools });
        return (user, conversation);
    }
}
