using Alba;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Security;

public sealed class JsonBodyTests(PromptmarkApp app)
{
    [Theory]
    [InlineData("application/x-www-form-urlencoded", "title=x&prompt=y")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--b--\r\n")]
    [InlineData("text/plain", """{"title":"x","prompt":"y"}""")]
    [InlineData(null, """{"title":"x","prompt":"y"}""")]
    public async Task a_slice_route_refuses_any_body_but_json_and_says_what_it_accepts(string? contentType, string body)
    {
        var user = await app.NewUserAsync();
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl("/api/prompts");
            s.WithBearerToken(user.Token);
            s.ConfigureHttpContext(http => http.Request.ContentType = contentType);
            s.StatusCodeShouldBe(415);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = await result.ReadAsJsonAsync<System.Text.Json.JsonElement>();
        problem.Str("detail").ShouldStartWith("This endpoint accepts application/json request bodies only");
        problem.GetProperty("accepted")[0].GetString().ShouldBe("application/json");
        (await app.GetAsync(user, "/api/prompts")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task json_with_a_charset_is_json()
    {
        var user = await app.NewUserAsync();
        await app.Host.Scenario(s =>
        {
            s.Post.Text("""{"title":"x","prompt":"y"}""").ToUrl("/api/prompts");
            s.WithBearerToken(user.Token);
            s.ConfigureHttpContext(http => http.Request.ContentType = "application/json; charset=utf-8");
            s.StatusCodeShouldBe(201);
        });
    }

    [Fact]
    public async Task a_request_without_a_body_needs_no_content_type()
    {
        var user = await app.NewUserAsync();
        var prompt = await app.CreatePromptAsync(user, new { title = "x", prompt = "y" });
        await app.Host.Scenario(s =>
        {
            s.Delete.Url($"/api/prompts/{prompt.Id()}");
            s.WithBearerToken(user.Token);
            s.StatusCodeShouldBe(200);
        });
    }
}
