using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Conversations;

/// <summary>
/// The civic:rest-auth flow in a turn, against <see cref="CivicHub"/>: a call that needs the user to authorize a service
/// waits with the authorization on the conversation (the test's app waits 15 s at most, polls every 50 ms and allows two
/// authorizations in a row), then continue_job resumes it.
/// </summary>
public sealed class CivicAuthorizationTests(PromptmarkApp app) : IAsyncLifetime
{
    private OpenAiCompatibleServer _model = null!;
    private CivicHub _hub = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await OpenAiCompatibleServer.StartAsync();
        _hub = await CivicHub.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _model.DisposeAsync();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task a_call_that_needs_authorization_waits_with_the_card_on_the_conversation_and_continue_job_resumes_it_once_authorized()
    {
        var (user, conversation, connection) = await ConversationCallingAsync("gmail-search", """{"query":"tides"}""");

        var sending = SendAsync(user, conversation, "Search my mail");
        var card = await AuthorizationAsync(user, conversation);

        (card.Str("call_id"), card.Str("tool_name"), card.GetProperty("step").GetInt32()).ShouldBe(("call_1", "gmail-search", 1));
        card.Str("auth_url").ShouldStartWith("https://app.civic.com/authorize/job-");
        (await app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content = "Hello?" }, 409)).Str("detail").ShouldContain(card.Str("auth_url"));
        _hub.Continued.ShouldBeEmpty();
        var job = CivicHub.JobOf(card.Str("auth_url"));
        _hub.Approve(job);
        var sent = await sending.Bounded();

        sent.Str("status").ShouldBe("completed");
        var result = sent.GetProperty("messages")[2];
        (result.Str("outcome"), result.Str("content")).ShouldBe(("ran", "3 messages match tides"));
        _hub.Continued.ShouldBe([job]);
        ToolMessage(_model.Requests.Last()).ShouldBe("3 messages match tides");
        var executions = (await app.ExecutionsAsync(user, connection)).EnumerateArray().ToList();
        executions.Select(e => (e.Str("tool_name"), e.Str("via"))).OrderBy(e => e.Item1)
            .ShouldBe([("continue_job", "conversation"), ("gmail-search", "conversation")]);
        (await app.GetAsync(user, $"/api/conversations/{conversation}")).GetProperty("awaiting_authorization").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task a_call_that_reaches_two_services_asks_for_each_authorization_in_turn()
    {
        var (user, conversation, _) = await ConversationCallingAsync("drive-to-dropbox", """{"file":"tides.csv"}""");

        var sending = SendAsync(user, conversation, "Copy it");
        var first = await AuthorizationAsync(user, conversation);
        _hub.Approve(CivicHub.JobOf(first.Str("auth_url")));
        var second = await AuthorizationAsync(user, conversation, step: 2);
        second.Str("auth_url").ShouldNotBe(first.Str("auth_url"));
        _hub.Approve(CivicHub.JobOf(second.Str("auth_url")));
        var sent = await sending.Bounded();

        sent.GetProperty("messages")[2].Str("content").ShouldBe("tides.csv copied from Drive to Dropbox");
        _hub.Continued.Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_call_that_asks_for_more_authorizations_in_a_row_than_allowed_is_given_up()
    {
        var (user, conversation, _) = await ConversationCallingAsync("everything-at-once", "{}");

        var sending = SendAsync(user, conversation, "Do it all");
        for (var step = 1; step <= 2; step++) _hub.Approve(await JobShownAsync(user, conversation, step));
        var sent = await sending.Bounded();

        var result = sent.GetProperty("messages")[2];
        (result.Str("outcome"), result.Str("content")).ShouldBe(("failed", "The tool asked for more than 2 authorizations in a row, so Promptmark gave up the call."));
        _hub.Continued.Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_refused_authorization_fails_the_call_and_the_job_is_not_continued()
    {
        var (user, conversation, _) = await ConversationCallingAsync("gmail-search", """{"query":"x"}""");

        var sending = SendAsync(user, conversation, "Search");
        _hub.Refuse(await JobShownAsync(user, conversation));
        var sent = await sending.Bounded();

        var result = sent.GetProperty("messages")[2];
        (result.Str("outcome"), result.Str("content")).ShouldBe(("failed", "The authorization failed or was refused, so the call was not completed."));
        _hub.Continued.ShouldBeEmpty();
    }

    [Fact]
    public async Task an_authorization_the_user_never_completes_is_given_up_when_the_wait_ends()
    {
        var (user, conversation, _) = await ConversationCallingAsync("gmail-search", """{"query":"x"}""");

        var sent = await SendAsync(user, conversation, "Search").Bounded();

        sent.GetProperty("messages")[2].Str("content").ShouldBe(
            "The user did not authorize within 15 s, so the call was cancelled; they can retry by sending another message.");
        _hub.Continued.ShouldBeEmpty();
        (await app.GetAsync(user, $"/api/conversations/{conversation}")).GetProperty("awaiting_authorization").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task an_authorization_url_the_egress_rules_refuse_is_never_shown_and_the_call_fails()
    {
        _hub.AuthorizationUrlBase = "http://10.20.30.40/authorize/";
        var (user, conversation, _) = await ConversationCallingAsync("gmail-search", """{"query":"x"}""");

        var sent = await SendAsync(user, conversation, "Search").Bounded();

        var result = sent.GetProperty("messages")[2];
        result.Str("outcome").ShouldBe("failed");
        result.Str("content").ShouldStartWith("The tool needs an authorization that Promptmark cannot show: the authorization URL is not allowed:");
        result.Str("content").ShouldNotContain("10.20.30.40");
        _hub.Continued.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_stream_sends_the_authorization_before_the_result_that_ends_it()
    {
        var (user, conversation, _) = await ConversationCallingAsync("gmail-search", """{"query":"tides"}""");

        var streaming = StreamAsync(user, conversation, "Search");
        _hub.Approve(await JobShownAsync(user, conversation));
        var events = await streaming.Bounded();

        events.Select(e => e.Name).Where(n => n != "text").ShouldBe(["usage", "tool_call", "authorization", "tool_result", "usage", "done"]);
        events.Single(e => e.Name == "authorization").Data.Str("tool_name").ShouldBe("gmail-search");
    }

    [Fact]
    public async Task a_client_that_leaves_while_the_turn_waits_for_authorization_cancels_the_turn_and_the_card_goes()
    {
        var (user, conversation, _) = await ConversationCallingAsync("gmail-search", """{"query":"x"}""");
        using var leaving = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var client = app.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", user.Token);
        var streaming = client.PostAsJsonAsync($"/api/conversations/{conversation}/messages/stream", new { content = "Search" }, leaving.Token);
        await JobShownAsync(user, conversation);

        await leaving.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(streaming.Bounded());

        var cleared = false;
        using var bound = new CancellationTokenSource(Waits.Bound);
        while (!cleared && !bound.IsCancellationRequested)
            cleared = (await app.GetAsync(user, $"/api/conversations/{conversation}")).GetProperty("awaiting_authorization").ValueKind == JsonValueKind.Null;
        cleared.ShouldBeTrue("the authorization card outlived the turn");
        (await app.GetAsync(user, $"/api/conversations/{conversation}")).GetProperty("message_count").GetInt32().ShouldBe(0);
        _hub.Continued.ShouldBeEmpty();
    }

    /// <summary>A conversation with <paramref name="tool"/> of the hub attached, whose model calls it once and then answers.</summary>
    private async Task<(TestUser User, string Conversation, string Connection)> ConversationCallingAsync(string tool, string arguments)
    {
        _model.Reply(new ScriptedReply.ToolCall(tool, arguments, 10, 2)).Reply(new ScriptedReply.Text("Done.", 20, 3));
        var user = await app.NewUserAsync();
        await app.PutAsync(user, "/api/providers/local", new { base_url = _model.BaseUrl.ToString() });
        var connection = await app.ConnectAsync(user, _hub.Url, "bearer", CivicHub.Token);
        var conversation = (await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = "local/model-a" }, 201)).Id();
        await app.PutAsync(user, $"/api/conversations/{conversation}/tools", new { tools = new[] { new { connection_id = connection, tool_name = tool, approval = "always" } } });
        return (user, conversation, connection);
    }

    private Task<JsonElement> SendAsync(TestUser user, string conversation, string content) =>
        app.PostAsync(user, $"/api/conversations/{conversation}/messages", new { content });

    private async Task<List<(string Name, JsonElement Data)>> StreamAsync(TestUser user, string conversation, string content)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { content }).ToUrl($"/api/conversations/{conversation}/messages/stream");
            s.WithBearerToken(user.Token);
        });
        return ServerSentEvents.Parse(await result.ReadAsTextAsync());
    }

    /// <summary>The authorization the conversation shows once its turn waits at <paramref name="step"/>, as a reload would read it.</summary>
    private async Task<JsonElement> AuthorizationAsync(TestUser user, string conversation, int step = 1)
    {
        using var bound = new CancellationTokenSource(Waits.Bound);
        while (true)
        {
            var pending = (await app.GetAsync(user, $"/api/conversations/{conversation}")).GetProperty("awaiting_authorization");
            if (pending.ValueKind == JsonValueKind.Object && pending.GetProperty("step").GetInt32() == step) return pending;
            if (bound.IsCancellationRequested) throw new TimeoutException($"Waited {Waits.Bound.TotalSeconds:0} s for authorization {step}.");
            await Task.Delay(10, CancellationToken.None);
        }
    }

    private async Task<string> JobShownAsync(TestUser user, string conversation, int step = 1) =>
        CivicHub.JobOf((await AuthorizationAsync(user, conversation, step)).Str("auth_url"));

    private static string ToolMessage(ReceivedRequest request) =>
        ReceivedRequest.TextOf(request.Body.GetProperty("messages").EnumerateArray().Single(m => m.Str("role") == "tool").GetProperty("content"));
}
