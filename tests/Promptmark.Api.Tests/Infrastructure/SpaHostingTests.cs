using Alba;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Infrastructure;

public sealed class SpaHostingTests(PromptmarkApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/prompts/123")]
    [InlineData("/prompts/3f2b9c1e-0000-4000-8000-000000000000/versions/2")]
    [InlineData("/settings")]
    public async Task a_deep_link_into_the_web_app_gets_its_index_html(string url)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(200);
            s.ContentTypeShouldBe("text/html; charset=utf-8");
        });
        (await result.ReadAsTextAsync()).ShouldBe(PromptmarkApp.SpaIndexHtml);
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/prompts/123/nothing")]
    [InlineData("/mcp/anything")]
    [InlineData("/openapi/v2.json")]
    [InlineData("/scalar/nothing/here")]
    [InlineData("/health/deep")]
    public async Task an_unknown_path_in_a_server_area_is_a_404_problem_never_the_web_app(string url)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(404);
        });
        var text = await result.ReadAsTextAsync();
        text.ShouldNotContain("Promptmark test SPA");
        // (/openapi/{document}.json belongs to the OpenAPI endpoint, which answers its own plain 404.)
        if (!url.StartsWith("/openapi/")) result.Context.Response.ContentType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task a_missing_prompt_is_still_the_api_404_problem()
    {
        var user = await app.NewUserAsync();
        var problem = await app.GetAsync(user, $"/api/prompts/{Guid.NewGuid()}", 404);
        problem.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task the_openapi_document_is_not_shadowed()
    {
        var document = await app.GetAsync(null, "/openapi/v1.json");
        document.GetProperty("paths").EnumerateObject().ShouldContain(p => p.Name == "/api/prompts");
    }
}
