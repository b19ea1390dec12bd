using System.Text.Json;
using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Conversations;

/// <summary>send_message against a fake OpenAI-compatible server configured as the user's provider "local".</summary>
public sealed class SendMessageTests(PromptmarkApp app) : IAsyncLifetime
{
    private OpenAiCompatibleServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await OpenAiCompatibleServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task the_model_gets_the_system_prompt_the_history_and_the_new_message_and_both_turns_are_stored()
    {
        var user = await UserWithProviderAsync();
        var conversation = (await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = "local/model-a", system_prompt = "Be brief." }, 201)).Id();
        _server.Reply(new ScriptedReply.Text("A1", 10, 2)).Reply(new ScriptedReply.Text("A2", 20, 3));

        var first = await app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content = "Q1" });
        await using var mcp = await app.McpClientAsync(user);
        var second = await mcp.CallJsonAsync("send_message", new { conversation_id = conversation, content = "Q2" });

        first.GetProperty("assistant_message").Str("content").ShouldBe("A1");
        var answer = second.GetProperty("assistant_message");
        answer.Str("content").ShouldBe("A2");
        answer.Str("model_id").ShouldBe("local/model-a");
        answer.GetProperty("input_tokens").GetInt64().ShouldBe(20);
        answer.GetProperty("output_tokens").GetInt64().ShouldBe(3);
        answer.GetProperty("latency_ms").ValueKind.ShouldBe(JsonValueKind.Number);
        Sent(_server.Requests.Last()).ShouldBe([("system", "Be brief."), ("user", "Q1"), ("assistant", "A1"), ("user", "Q2")]);
        _server.Requests.Last().Body.GetProperty("model").GetString().ShouldBe("model-a");

        var stored = await app.GetAsync(user, $"/api/conversations/{conversation}");
        stored.GetProperty("message_count").GetInt32().ShouldBe(4);
        stored.GetProperty("messages").EnumerateArray().Select(m => (m.Str("role"), m.Str("content"))).ShouldBe([("user", "Q1"), ("assistant", "A1"), ("user", "Q2"), ("assistant", "A2")]);
    }

    [Fact]
    public async Task the_linked_prompt_is_the_system_prompt_and_a_referenced_prompt_leads_the_message()
    {
        var user = await UserWithProviderAsync();
        var linked = (await app.CreatePromptAsync(user, new { title = "s", prompt = "You answer in French." })).Id();
        var reference = (await app.CreatePromptAsync(user, new { title = "r", prompt = "Summarise this:" })).Id();
        var conversation = (await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = "local/model-a", linked_prompt_id = linked }, 201)).Id();
        _server.Reply(new ScriptedReply.Text("Résumé", 5, 1));

        var sent = await app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content = "The tides.", prompt_reference_id = reference });

        sent.GetProperty("user_message").Str("content").ShouldBe("Summarise this:\n\nThe tides.");
        Sent(_server.Requests.Single()).ShouldBe([("system", "You answer in French."), ("user", "Summarise this:\n\nThe tides.")]);
    }

    [Fact]
    public async Task a_linked_template_that_needs_values_is_refused_before_anything_is_sent()
    {
        var user = await UserWithProviderAsync();
        var template = (await app.CreatePromptAsync(user, new { title = "s", prompt = "You are {{persona}}." })).Id();
        var conversation = (await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = "local/model-a", linked_prompt_id = template }, 201)).Id();

        var problem = await app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content = "Hi" }, 422);

        problem.Str("detail").ShouldStartWith("The linked prompt needs variable values");
        _server.Requests.ShouldBeEmpty();
        await NothingStoredAsync(user, conversation);
    }

    [Fact]
    public async Task a_deleted_linked_prompt_is_refused_naming_the_way_out()
    {
        var user = await UserWithProviderAsync();
        var linked = (await app.CreatePromptAsync(user, new { title = "s", prompt = "Be kind." })).Id();
        var conversation = (await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = "local/model-a", linked_prompt_id = linked }, 201)).Id();
        await app.DeleteAsync(user, $"/api/prompts/{linked}");

        var problem = await app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content = "Hi" }, 422);

        problem.Str("detail").ShouldStartWith("The conversation's linked prompt was deleted");
        _server.Requests.ShouldBeEmpty();
        await NothingStoredAsync(user, conversation);
    }

    [Theory]
    [InlineData(400, 422, "local answered 400: The model `model-a` does not exist")]
    [InlineData(503, 502, "local answered 503: overloaded")]
    public async Task a_provider_failure_answers_its_reason_and_stores_neither_turn(int providerStatus, int status, string detail)
    {
        var user = await UserWithProviderAsync();
        var conversation = (await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = "local/model-a" }, 201)).Id();
        _server.Reply(new ScriptedReply.Failure(providerStatus, detail[(detail.IndexOf(": ", StringComparison.Ordinal) + 2)..]));

        var problem = await app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content = "Hi" }, status);

        problem.Str("detail").ShouldBe(detail);
        await NothingStoredAsync(user, conversation);
    }

    [Fact]
    public async Task without_a_configured_provider_the_answer_names_the_setting()
    {
        var user = await app.NewUserAsync();
        var conversation = (await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = "openai/gpt-4o" }, 201)).Id();

        var problem = await app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content = "Hi" }, 422);

        problem.Str("detail").ShouldStartWith("No model provider named openai is configured: add it with PUT /api/providers/openai");
        await NothingStoredAsync(user, conversation);
    }

    private async Task<TestUser> UserWithProviderAsync()
    {
        var user = await app.NewUserAsync();
        await app.PutAsync(user, "/api/providers/local", new { base_url = _server.BaseUrl.ToString() });
        return user;
    }

    private async Task NothingStoredAsync(TestUser user, string conversation)
    {
        var stored = await app.GetAsync(user, $"/api/conversations/{conversation}");
        stored.GetProperty("message_count").GetInt32().ShouldBe(0);
        stored.GetProperty("messages").GetArrayLength().ShouldBe(0);
    }

    /// <summary>The chat messages a request carried as (role, text); the SDK may send text as a string or as text parts.</summary>
    private static IEnumerable<(string, string)> Sent(ReceivedRequest request) =>
        request.Body.GetProperty("messages").EnumerateArray().Select(m => (m.Str("role"), ReceivedRequest.TextOf(m.GetProperty("content"))));
}
