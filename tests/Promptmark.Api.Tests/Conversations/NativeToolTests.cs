using System.Text.Json;
using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Conversations;

/// <summary>
/// Native provider tools reach the provider in its own wire shape (the local Anthropic Messages server records the
/// request), and a provider that has no built-in tools refuses the send before anything is sent.
/// </summary>
public sealed class NativeToolTests(PromptmarkApp app) : IAsyncLifetime
{
    private AnthropicServer _anthropic = null!;
    private OpenAiCompatibleServer _openAi = null!;

    public async ValueTask InitializeAsync()
    {
        _anthropic = await AnthropicServer.StartAsync("sk-ant-test");
        _openAi = await OpenAiCompatibleServer.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _anthropic.DisposeAsync();
        await _openAi.DisposeAsync();
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
    public async Task a_provider_reached_through_chat_completions_refuses_native_tools_before_anything_is_sent()
    {
        var (user, conversation) = await ConversationAsync("local", _openAi, Native("web_search", "web_search_20250305"));

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

    private static object Native(string name, string type) =>
        new { tool_name = name, is_native = true, native_provider = "anthropic", native_type = type };

    private async Task<(TestUser User, string Conversation)> ConversationAsync(string provider, ScriptedModelServer server, params object[] tools)
    {
        var user = await app.NewUserAsync();
        await app.PutAsync(user, $"/api/providers/{provider}", new { api_key = server.ApiKey, base_url = server.BaseUrl.ToString() });
        var conversation = (await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = $"{provider}/model-a" }, 201)).Id();
        await app.PutAsync(user, $"/api/conversations/{conversation}/tools", new { tools });
        return (user, conversation);
    }
}
