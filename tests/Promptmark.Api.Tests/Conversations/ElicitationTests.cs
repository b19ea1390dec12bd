using System.Text.Json;
using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Conversations;

/// <summary>
/// MCP elicitation in a turn, against server-everything's trigger-elicitation-request (a form with a required name, an
/// integer from 1 to 100, …): the question waits on the conversation (the test's app waits 15 s at most, longer than its
/// 10 s tool timeout, which does not run while the user is asked) and the answer goes back to the tool.
/// </summary>
public sealed class ElicitationTests(PromptmarkApp app, EverythingFixture everything) : IClassFixture<EverythingFixture>, IAsyncLifetime
{
    private const string Tool = "trigger-elicitation-request";
    private OpenAiCompatibleServer _model = null!;

    public async ValueTask InitializeAsync() => _model = await OpenAiCompatibleServer.StartAsync();

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task a_tools_question_waits_on_the_conversation_and_the_users_answer_reaches_the_tool()
    {
        var (user, conversation, connection) = await ConversationCallingAsync();

        var sending = SendAsync(user, conversation, "Ask me");
        var asked = await AskedAsync(user, conversation);

        (asked.Str("call_id"), asked.Str("tool_name"), asked.Str("message")).ShouldBe(("call_1", Tool, "Please provide inputs for the following fields:"));
        asked.GetProperty("requested_schema").GetProperty("properties").GetProperty("integer").Str("type").ShouldBe("integer");
        (await app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content = "Hello?" }, 409)).Str("detail").ShouldContain(Tool);
        var answer = $"/api/conversations/{conversation}/elicitations/{asked.Str("elicitation_id")}";
        (await app.PostAsync(user, answer, new { action = "accept", content = new { name = "Ada", integer = 500 } }, 422))
            .Str("detail").ShouldContain("integer");
        (await app.PostAsync(user, answer, new { action = "accept" }, 400)).GetProperty("errors").GetProperty("content")[0].GetString().ShouldBe("is required with accept");

        var answered = await app.PostAsync(user, answer, new { action = "accept", content = new { name = "Ada", check = true, integer = 7 } });
        var sent = await sending.Bounded();

        answered.Str("action").ShouldBe("accept");
        sent.Str("status").ShouldBe("completed");
        var result = sent.GetProperty("messages")[2];
        result.Str("outcome").ShouldBe("ran");
        result.Str("content").ShouldContain("User provided the requested information!");
        result.Str("content").ShouldContain("- Name: Ada");
        result.Str("content").ShouldContain("- Favorite Integer: 7");
        ToolMessage(_model.Requests.Last()).ShouldContain("- Name: Ada");
        (await app.ExecutionsAsync(user, connection)).EnumerateArray().Single().Str("status").ShouldBe("success");
        (await app.GetAsync(user, $"/api/conversations/{conversation}")).GetProperty("awaiting_input").ValueKind.ShouldBe(JsonValueKind.Null);
        await app.PostAsync(user, answer, new { action = "decline" }, 404);
    }

    [Fact]
    public async Task a_declined_question_is_told_to_the_tool()
    {
        var (user, conversation, _) = await ConversationCallingAsync();

        var sending = SendAsync(user, conversation, "Ask me");
        var asked = await AskedAsync(user, conversation);
        await app.PostAsync(user, $"/api/conversations/{conversation}/elicitations/{asked.Str("elicitation_id")}", new { action = "decline" });
        var sent = await sending.Bounded();

        sent.GetProperty("messages")[2].Str("content").ShouldContain("User declined to provide the requested information.");
    }

    [Fact]
    public async Task a_question_nobody_answers_is_cancelled_when_the_wait_ends_not_when_the_tool_time_runs_out()
    {
        var (user, conversation, _) = await ConversationCallingAsync();

        var sent = await SendAsync(user, conversation, "Ask me").Bounded();

        var result = sent.GetProperty("messages")[2];
        result.Str("outcome").ShouldBe("ran");
        result.Str("content").ShouldContain("User cancelled the elicitation dialog.");
        (await app.GetAsync(user, $"/api/conversations/{conversation}")).GetProperty("awaiting_input").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task a_stranger_cannot_see_or_answer_the_question()
    {
        var (user, conversation, _) = await ConversationCallingAsync();
        var stranger = await app.NewUserAsync();

        var sending = SendAsync(user, conversation, "Ask me");
        var asked = await AskedAsync(user, conversation);
        var answer = $"/api/conversations/{conversation}/elicitations/{asked.Str("elicitation_id")}";
        await app.GetAsync(stranger, $"/api/conversations/{conversation}", 404);
        (await app.PostAsync(stranger, answer, new { action = "accept", content = new { name = "Mallory" } }, 404)).GetRawText().ShouldNotContain(Tool);
        await app.PostAsync(user, answer, new { action = "cancel" });
        var sent = await sending.Bounded();

        sent.GetProperty("messages")[2].Str("content").ShouldContain("User cancelled the elicitation dialog.");
        sent.GetProperty("messages")[2].Str("content").ShouldNotContain("Mallory");
    }

    [Fact]
    public async Task the_stream_sends_the_question_before_the_result_that_answers_it()
    {
        var (user, conversation, _) = await ConversationCallingAsync();

        var streaming = app.StreamAsync(user, $"/api/conversations/{conversation}/messages/stream", new { content = "Ask me" });
        var asked = await AskedAsync(user, conversation);
        await app.PostAsync(user, $"/api/conversations/{conversation}/elicitations/{asked.Str("elicitation_id")}", new { action = "accept", content = new { name = "Ada" } });
        var events = await streaming.Bounded();

        events.Select(e => e.Name).Where(n => n != "text").ShouldBe(["usage", "tool_call", "elicitation", "tool_result", "usage", "done"]);
        events.Single(e => e.Name == "elicitation").Data.Str("elicitation_id").ShouldBe(asked.Str("elicitation_id"));
    }

    [Fact]
    public async Task outside_a_conversation_nobody_can_answer_so_the_question_is_declined_at_once()
    {
        var user = await app.NewUserAsync();
        var connection = await app.ConnectAsync(user, everything.Server.Endpoint);

        var execution = await app.ExecuteAsync(user, connection, Tool, new { }).Bounded();

        execution.ResultText().ShouldContain("User declined to provide the requested information.");
    }

    /// <summary>A conversation with trigger-elicitation-request attached, whose model calls it once and then answers.</summary>
    private async Task<(TestUser User, string Conversation, string Connection)> ConversationCallingAsync()
    {
        _model.Reply(new ScriptedReply.ToolCall(Tool, "{}", 10, 2)).Reply(new ScriptedReply.Text("Thanks.", 20, 3));
        var user = await app.NewUserAsync();
        await app.PutAsync(user, "/api/providers/local", new { base_url = _model.BaseUrl.ToString() });
        var connection = await app.ConnectAsync(user, everything.Server.Endpoint);
        var conversation = (await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = "local/model-a" }, 201)).Id();
        await app.PutAsync(user, $"/api/conversations/{conversation}/tools", new { tools = new[] { new { connection_id = connection, tool_name = Tool, approval = "always" } } });
        return (user, conversation, connection);
    }

    private Task<JsonElement> SendAsync(TestUser user, string conversation, string content) =>
        app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content });

    /// <summary>The question the conversation shows once its turn waits on one, as a reload would read it.</summary>
    private async Task<JsonElement> AskedAsync(TestUser user, string conversation)
    {
        using var bound = new CancellationTokenSource(Waits.Bound);
        while (true)
        {
            var pending = (await app.GetAsync(user, $"/api/conversations/{conversation}")).GetProperty("awaiting_input");
            if (pending.ValueKind == JsonValueKind.Object) return pending;
            if (bound.IsCancellationRequested) throw new TimeoutException($"Waited {Waits.Bound.TotalSeconds:0} s for the question.");
            await Task.Delay(10, CancellationToken.None);
        }
    }

    private static string ToolMessage(ReceivedRequest request) =>
        ReceivedRequest.TextOf(request.Body.GetProperty("messages").EnumerateArray().Single(m => m.Str("role") == "tool").GetProperty("content"));
}
