using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Alba;
using Promptmark.Api.Infrastructure.Mcp;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Mcp;

/// <summary>
/// A plain <c>tools/call</c> of a slice tool on the caller's own session is answered beside the MCP SDK's pipeline
/// (<see cref="DirectToolCalls"/>), with the answer the SDK gives; every other request still goes through the SDK. Which
/// path answered is read from the SDK's own trace: it records one activity per request it handles, tagged with the session.
/// </summary>
public sealed class DirectToolCallTests : IDisposable
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"direct-call-test","version":"1.0.0"}}}""";

    private readonly PromptmarkApp app;
    // Kept from their start: the SDK names a request's activity and tags its id before handling it, and may stop it (and
    // add its other tags) after the answer is sent.
    private readonly ConcurrentQueue<Activity> _handledBySdk = new();
    private readonly ActivityListener _listener;

    public DirectToolCallTests(PromptmarkApp app)
    {
        this.app = app;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Experimental.ModelContextProtocol",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = _handledBySdk.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task a_tool_call_is_answered_directly_with_the_answer_the_sdk_gives()
    {
        var user = await app.NewUserAsync();
        // Characters the answer's text block escapes: quotes, a backslash, controls, markup and beyond ASCII.
        var prompt = await app.CreatePromptAsync(user, new { title = "Direct \"quoted\" <b>é</b> 😀", prompt = "Say {{what}}\n\t\\ 'it' & go" });
        var session = await InitializeAsync(user);

        foreach (var arguments in new[] { $$"""{"id":"{{prompt.Id()}}"}""", $$"""{"id":"{{Guid.NewGuid()}}"}""", """{"id":"not an id"}""", "{}" })
            await ShouldAnswerAsTheSdkAsync(user, session, "get_prompt", arguments);
    }

    [Fact]
    public async Task a_tool_whose_text_block_is_not_its_json_is_answered_as_the_sdk_answers_it()
    {
        var user = await app.NewUserAsync();
        await app.PostAsync(user, "/api/skills", new
        {
            content = "---\nname: direct-skill\ndescription: Answers \"directly\".\n---\n\n# Direct\n\nSay é and 😀.\n",
        }, 201);
        var session = await InitializeAsync(user);

        var direct = await ShouldAnswerAsTheSdkAsync(user, session, "get_skill", """{"name":"direct-skill"}""");
        direct.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString().ShouldStartWith("---\nname: direct-skill\n");
    }

    /// <summary>Calls <paramref name="tool"/> directly and through the SDK (a request with <c>_meta</c>); both answers must be the same.</summary>
    private async Task<JsonElement> ShouldAnswerAsTheSdkAsync(TestUser user, string session, string tool, string arguments)
    {
        var (directId, sdkId) = (NewId(), NewId());
        var direct = await PostAsync(user, Call(directId, $$"""{"name":"{{tool}}","arguments":{{arguments}}}"""), session);
        SeenBySdk(directId).ShouldBeFalse($"{tool} {arguments} is answered beside the SDK");

        var throughSdk = await PostAsync(user, Call(sdkId, $$$"""{"name":"{{{tool}}}","arguments":{{{arguments}}},"_meta":{}}"""), session);
        SeenBySdk(sdkId).ShouldBeTrue("a request with _meta goes through the SDK");
        JsonElement.DeepEquals(direct.GetProperty("result"), throughSdk.GetProperty("result")).ShouldBeTrue($"{tool} {arguments}: {direct} against {throughSdk}");
        return direct;
    }

    /// <param name="length">Past 64 KB the body is read through a buffering stream rather than held in the request's pipe.</param>
    [Theory]
    [InlineData(20_000)]
    [InlineData(100_000)]
    public async Task a_large_body_is_answered_as_the_sdk_answers_it(int length)
    {
        var user = await app.NewUserAsync();
        var session = await InitializeAsync(user);
        var call = $$"""{"name":"list_prompts","arguments":{"search":"{{new string('x', length)}}"}""";
        var (directId, sdkId) = (NewId(), NewId());

        var direct = await PostAsync(user, Call(directId, call + "}"), session);
        var throughSdk = await PostAsync(user, Call(sdkId, call + ",\"_meta\":{}}"), session);

        SeenBySdk(directId).ShouldBeFalse();
        SeenBySdk(sdkId).ShouldBeTrue();
        JsonElement.DeepEquals(direct.GetProperty("result"), throughSdk.GetProperty("result")).ShouldBeTrue($"{direct} against {throughSdk}");
    }

    [Fact]
    public async Task the_request_id_is_echoed_as_sent()
    {
        var user = await app.NewUserAsync();
        var session = await InitializeAsync(user);
        var id = $"call-é-{NewId()}";
        var answer = await PostAsync(user, """{"jsonrpc":"2.0","id":"ID","method":"tools/call","params":{"name":"list_prompts","arguments":{}}}""".Replace("ID", id.Replace("é", "\\u00e9")), session);
        answer.GetProperty("id").GetString().ShouldBe(id);
        answer.GetProperty("result").TryGetProperty("isError", out _).ShouldBeFalse();
        SeenBySdk(id).ShouldBeFalse();
    }

    [Fact]
    public async Task a_body_sent_without_a_length_is_answered_directly_too()
    {
        var user = await app.NewUserAsync();
        var session = await InitializeAsync(user);
        var id = NewId();
        var answer = await app.Host.Scenario(s =>
        {
            s.PostMcp(user, Call(id, """{"name":"list_prompts","arguments":{}}"""), session);
            s.ConfigureHttpContext(http => http.Request.ContentLength = null);
        });
        (await answer.ReadAsJsonAsync<JsonElement>()).GetProperty("id").GetInt64().ShouldBe(id);
        answer.Context.Request.ContentLength.ShouldBeNull();
        SeenBySdk(id).ShouldBeFalse();
    }

    [Fact]
    public async Task another_users_session_is_refused_by_the_sdk_and_shows_nothing()
    {
        var owner = await app.NewUserAsync();
        var prompt = await app.CreatePromptAsync(owner, new { title = "Owner only", prompt = "secret" });
        var session = await InitializeAsync(owner);
        var stranger = await app.NewUserAsync();

        var refused = await app.Host.Scenario(s => s.PostMcp(stranger, Call(2, $$$"""{"name":"get_prompt","arguments":{"id":"{{{prompt.Id()}}}"}}"""), session, expected: 403));
        (await refused.ReadAsTextAsync()).ShouldNotContain("Owner only");
    }

    [Theory]
    [InlineData("Mcp-Method", "tools/list")]
    [InlineData("Mcp-Name", "list_prompts")]
    [InlineData("Mcp-Param-Region", "eu")]
    [InlineData("MCP-Protocol-Version", "2025-06-18")]
    public async Task a_header_the_direct_path_does_not_honour_leaves_the_call_to_the_sdk(string header, string value)
    {
        var user = await app.NewUserAsync();
        var session = await InitializeAsync(user);
        var id = NewId();
        await app.Host.Scenario(s =>
        {
            s.PostMcp(user, Call(id, """{"name":"get_prompt","arguments":{"id":"nothing"}}"""), session);
            s.WithRequestHeader(header, value);
        });
        SeenBySdk(id).ShouldBeTrue();
    }

    [Fact]
    public async Task headers_that_repeat_the_body_are_honoured()
    {
        var user = await app.NewUserAsync();
        var session = await InitializeAsync(user);
        var id = NewId();
        await app.Host.Scenario(s =>
        {
            s.PostMcp(user, Call(id, """{"name":"list_prompts","arguments":{}}"""), session);
            s.WithRequestHeader("Mcp-Method", "tools/call");
            s.WithRequestHeader("Mcp-Name", "list_prompts");
        });
        SeenBySdk(id).ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_prompt","arguments":{"id":"x"}}}""", true)]
    [InlineData("""{"id":"a","params":{"arguments":{},"name":"get_prompt"},"method":"tools/call","jsonrpc":"2.0"}""", true)]
    [InlineData("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_prompt"}}""", true)]
    [InlineData("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_prompt","_meta":{"progressToken":1}}}""", false)]
    [InlineData("""{"jsonrpc":"2.0","id":2.5,"method":"tools/call","params":{"name":"get_prompt"}}""", false)]
    [InlineData("""{"jsonrpc":"2.0","id":null,"method":"tools/call","params":{"name":"get_prompt"}}""", false)]
    [InlineData("""{"jsonrpc":"2.0","method":"tools/call","params":{"name":"get_prompt"}}""", false)]
    [InlineData("""{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}""", false)]
    [InlineData("""{"jsonrpc":"1.0","id":2,"method":"tools/call","params":{"name":"get_prompt"}}""", false)]
    [InlineData("""{"jsonrpc":"2.0","id":2,"id":3,"method":"tools/call","params":{"name":"get_prompt"}}""", false)]
    [InlineData("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_prompt","arguments":[]}}""", false)]
    [InlineData("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":7}}""", false)]
    [InlineData("""[{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_prompt"}}]""", false)]
    public void only_a_plain_tool_call_is_read(string body, bool read)
    {
        using var json = JsonDocument.Parse(body);
        (ToolCallMessage.Read(json) is not null).ShouldBe(read);
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>A request id no other test uses, to find the request among every test's activities.</summary>
    private static long NewId() => Random.Shared.NextInt64(1_000_000_000, long.MaxValue);

    private bool SeenBySdk(object requestId) =>
        _handledBySdk.Any(a => a.OperationName.StartsWith("tools/call ", StringComparison.Ordinal) && (string?)a.GetTagItem("jsonrpc.request.id") == requestId.ToString());

    private async Task<string> InitializeAsync(TestUser user)
    {
        var initialized = await app.Host.Scenario(s => s.PostMcp(user, Initialize, session: null));
        return initialized.Context.Response.Headers["Mcp-Session-Id"].ToString();
    }

    private async Task<JsonElement> PostAsync(TestUser user, string body, string session)
    {
        var answer = await app.Host.Scenario(s => s.PostMcp(user, body, session));
        answer.Context.Response.ContentType.ShouldBe("application/json");
        answer.Context.Response.Headers["Mcp-Session-Id"].ToString().ShouldBe(session);
        return await answer.ReadAsJsonAsync<JsonElement>();
    }

    private static string Call(long id, string parameters) => $$"""{"jsonrpc":"2.0","id":{{id}},"method":"tools/call","params":{{parameters}}}""";
}
