using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections;

/// <summary>
/// MCP elicitation in Try-it, against server-everything's trigger-elicitation-request (a form with a required name, an
/// integer from 1 to 100, …): the tool stream sends the question as an <c>elicitation</c> event and waits; the
/// connection's owner answers at POST /api/mcp/connections/{id}/elicitations/{elicitation_id}, and the result on the
/// stream reflects the answer.
/// </summary>
public sealed class TryItElicitationTests(PromptmarkApp app, EverythingFixture everything) : IClassFixture<EverythingFixture>
{
    private const string Tool = "trigger-elicitation-request";

    [Fact]
    public async Task the_stream_asks_the_person_and_the_tool_gets_the_owners_answer()
    {
        var user = await app.NewUserAsync();
        var connection = await app.ConnectAsync(user, everything.Server.Endpoint);
        using var stream = await StreamToolAsync(user, connection);

        var asked = await NextAsync(stream);
        asked.Name.ShouldBe("elicitation");
        asked.Data.Str("tool_name").ShouldBe(Tool);
        asked.Data.Str("message").ShouldBe("Please provide inputs for the following fields:");
        asked.Data.GetProperty("requested_schema").GetProperty("properties").GetProperty("integer").Str("type").ShouldBe("integer");
        var answer = $"/api/mcp/connections/{connection}/elicitations/{asked.Data.Str("elicitation_id")}";
        (await app.PostAsync(user, answer, new { action = "accept", content = new { name = "Ada", integer = 500 } }, 422)).Str("detail").ShouldContain("integer");
        (await app.PostAsync(user, answer, new { action = "accept" }, 400)).GetProperty("errors").GetProperty("content")[0].GetString().ShouldBe("is required with accept");

        var answered = await app.PostAsync(user, answer, new { action = "accept", content = new { name = "Ada", check = true, integer = 7 } });
        var result = await NextAsync(stream);

        answered.Str("action").ShouldBe("accept");
        result.Name.ShouldBe("result");
        result.Data.ResultText().ShouldContain("User provided the requested information!");
        result.Data.ResultText().ShouldContain("- Name: Ada");
        result.Data.ResultText().ShouldContain("- Favorite Integer: 7");
        (await ServerSentEvents.NextAsync(stream)).ShouldBeNull();
        await app.PostAsync(user, answer, new { action = "decline" }, 404);
        (await app.ExecutionsAsync(user, connection)).EnumerateArray().Single().Str("via").ShouldBe("stream");
    }

    [Fact]
    public async Task a_stranger_cannot_answer_the_question_and_an_answered_one_is_not_answered_twice()
    {
        var user = await app.NewUserAsync();
        var stranger = await app.NewUserAsync();
        var connection = await app.ConnectAsync(user, everything.Server.Endpoint);
        var own = await app.ConnectAsync(stranger, everything.Server.Endpoint);
        using var stream = await StreamToolAsync(user, connection);

        var id = (await NextAsync(stream)).Data.Str("elicitation_id");
        var answer = $"/api/mcp/connections/{connection}/elicitations/{id}";
        (await app.PostAsync(stranger, answer, new { action = "accept", content = new { name = "Mallory" } }, 404)).GetRawText().ShouldNotContain(Tool);
        await app.PostAsync(stranger, $"/api/mcp/connections/{own}/elicitations/{id}", new { action = "accept", content = new { name = "Mallory" } }, 404);
        await app.PostAsync(user, answer, new { action = "decline" });
        var result = await NextAsync(stream);

        result.Data.ResultText().ShouldContain("User declined to provide the requested information.");
        result.Data.ResultText().ShouldNotContain("Mallory");
    }

    private async Task<StreamReader> StreamToolAsync(TestUser user, string connection)
    {
        var client = app.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/mcp/connections/{connection}/tools/{Tool}/stream")
        {
            Content = JsonContent.Create(new { arguments = new { } }),
        };
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken).Bounded();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        return new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<(string Name, JsonElement Data)> NextAsync(StreamReader stream) =>
        await ServerSentEvents.NextAsync(stream) ?? throw new InvalidOperationException("The stream ended early.");
}
