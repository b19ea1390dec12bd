using Alba;
using System.Text.Json;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Auth;

/// <summary>Every 400 has one shape, whether the handler or the binder refused the input.</summary>
public sealed class ErrorShapeTests(PromptmarkApp app)
{
    [Theory]
    [InlineData("{\"title\":\"t\",\"prompt\":\"p\",\"is_public\":\"sometimes\"}", "is_public", "must be a boolean")]
    [InlineData("{\"title\":\"t\",\"prompt\":\"p\",\"tags\":\"[bad\"}", "tags", "must be a JSON array of strings")]
    [InlineData("{\"title\":\"t\",", "body", "is not valid JSON")]
    public async Task input_the_binder_cannot_read_is_a_problem_naming_the_field(string json, string field, string message)
    {
        var user = await app.NewUserAsync();
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Text(json).ToUrl("/api/prompts");
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithBearerToken(user.Token);
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = await result.ReadAsJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().ShouldBe("Invalid input");
        problem.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue(problem.GetRawText());
        messages[0].GetString()!.ShouldStartWith(message);
    }

    [Fact]
    public async Task a_query_value_of_the_wrong_type_is_a_problem_naming_the_field()
    {
        var user = await app.NewUserAsync();
        var problem = await app.GetAsync(user, "/api/prompts?limit=abc", 400);
        problem.GetProperty("errors").GetProperty("limit")[0].GetString().ShouldBe("must be a whole number");
    }

    [Fact]
    public async Task no_stack_trace_leaves_the_server()
    {
        var user = await app.NewUserAsync();
        var problem = await app.GetAsync(user, "/api/prompts/00000000-0000-0000-0000-000000000000", 404);
        problem.GetRawText().ShouldNotContain(" at ");
        problem.GetRawText().ShouldNotContain("Exception");
    }
}
