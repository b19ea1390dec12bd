using System.Text;
using System.Text.Json;
using Alba;
using Promptmark.Api.Infrastructure.Mcp;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Mcp;

/// <summary>
/// A <c>POST /mcp</c> whose answer is one JSON-RPC response is answered as <c>application/json</c>; an answer that says
/// anything else first streams as SSE from the moment it does (<see cref="HeldAnswerStream"/>).
/// </summary>
public sealed class JsonAnswerTests(PromptmarkApp app)
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"json-answer-test","version":"1.0.0"}}}""";

    [Fact]
    public async Task initialize_and_a_tool_call_are_answered_as_json()
    {
        var user = await app.NewUserAsync();
        var prompt = await app.CreatePromptAsync(user, new { title = "Answered as JSON", prompt = "Say {{what}}" });

        var initialized = await PostAsync(user, Initialize, session: null);
        initialized.Context.Response.ContentType.ShouldBe("application/json");
        var session = initialized.Context.Response.Headers["Mcp-Session-Id"].ToString();
        session.ShouldNotBeEmpty();
        (await initialized.ReadAsJsonAsync<JsonElement>()).GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString().ShouldBe("promptmark");

        var call = """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_prompt","arguments":{"id":"ID"}}}""".Replace("ID", prompt.Id());
        var called = await PostAsync(user, call, session);
        called.Context.Response.ContentType.ShouldBe("application/json");
        var body = await called.ReadAsTextAsync();
        called.Context.Response.ContentLength.ShouldBe(Encoding.UTF8.GetByteCount(body));
        var result = JsonDocument.Parse(body).RootElement;
        result.GetProperty("id").GetInt32().ShouldBe(2);
        result.GetProperty("result").GetProperty("structuredContent").GetProperty("title").GetString().ShouldBe("Answered as JSON");
    }

    [Fact]
    public async Task a_notification_is_still_accepted_without_a_body()
    {
        var user = await app.NewUserAsync();
        var session = (await PostAsync(user, Initialize, session: null)).Context.Response.Headers["Mcp-Session-Id"].ToString();
        var accepted = await PostAsync(user, """{"jsonrpc":"2.0","method":"notifications/initialized"}""", session, expected: 202);
        (await accepted.ReadAsTextAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_held_response_is_sent_as_its_json_once_the_transport_is_done()
    {
        var (held, live) = Held();
        await WriteEventAsync(held, """{"jsonrpc":"2.0","id":7,"result":{"ok":true}}""");
        live.Length.ShouldBe(0, "nothing is sent while the answer can still become JSON");

        var response = SseResponse();
        await held.ReleaseAsync(response, CancellationToken.None);
        response.ContentType.ShouldBe("application/json");
        Encoding.UTF8.GetString(live.ToArray()).ShouldBe("""{"jsonrpc":"2.0","id":7,"result":{"ok":true}}""");
        response.ContentLength.ShouldBe(live.Length);
    }

    [Fact]
    public async Task a_message_to_the_client_before_the_response_streams_everything_from_then_on()
    {
        var (held, live) = Held();
        const string progress = """{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":1,"progress":1}}""";
        await WriteEventAsync(held, progress);
        Encoding.UTF8.GetString(live.ToArray()).ShouldBe($"event: message\ndata: {progress}\n\n", "the client sees the progress at once");

        await WriteEventAsync(held, """{"jsonrpc":"2.0","id":7,"result":{}}""");
        var response = SseResponse();
        await held.ReleaseAsync(response, CancellationToken.None);
        response.ContentType.ShouldBe("text/event-stream");
        Encoding.UTF8.GetString(live.ToArray()).ShouldEndWith("data: {\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}\n\n");
    }

    [Fact]
    public async Task a_request_to_the_client_is_not_held_back()
    {
        var (held, live) = Held();
        await WriteEventAsync(held, """{"jsonrpc":"2.0","id":"e1","method":"elicitation/create","params":{"message":"Which?","requestedSchema":{"type":"object","properties":{}}}}""");
        live.Length.ShouldBeGreaterThan(0, "the client must answer it before the call can finish");
    }

    [Fact]
    public async Task a_response_followed_by_more_bytes_is_sent_as_written()
    {
        var (held, live) = Held();
        await WriteEventAsync(held, """{"jsonrpc":"2.0","id":1,"result":{}}""");
        await held.WriteAsync("data: {\"jsonrpc\""u8.ToArray());
        var response = SseResponse();
        await held.ReleaseAsync(response, CancellationToken.None);
        response.ContentType.ShouldBe("text/event-stream");
        Encoding.UTF8.GetString(live.ToArray()).ShouldBe("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\ndata: {\"jsonrpc\"");
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{}}""", true)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"no"}}""", true)]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/message","params":{}}""", false)]
    [InlineData("""{"jsonrpc":"2.0","result":{}}""", false)]
    [InlineData("""not json""", false)]
    public void a_response_is_an_id_with_a_result_or_an_error(string json, bool response) =>
        SseEvents.IsResponse(Encoding.UTF8.GetBytes(json)).ShouldBe(response);

    [Fact]
    public void data_of_several_lines_is_joined_by_line_feeds() =>
        Encoding.UTF8.GetString(SseEvents.Data("event: message\r\ndata: {\"a\":\r\ndata:1}\r\n\r\n"u8.ToArray()).Span).ShouldBe("{\"a\":\n1}");

    private static (HeldAnswerStream Held, MemoryStream Live) Held()
    {
        var live = new MemoryStream();
        return (new HeldAnswerStream(live), live);
    }

    private static async Task WriteEventAsync(Stream stream, string json)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes($"event: message\ndata: {json}\n\n"));
        await stream.FlushAsync();
    }

    private static Microsoft.AspNetCore.Http.HttpResponse SseResponse()
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Response.ContentType = "text/event-stream";
        return http.Response;
    }

    private Task<IScenarioResult> PostAsync(TestUser user, string body, string? session, int expected = 200) =>
        app.Host.Scenario(s => s.PostMcp(user, body, session, expected));
}
