using Alba;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Security;

public sealed class SecurityHeadersTests(PromptmarkApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/prompts/123")]
    [InlineData("/api/prompts")]
    [InlineData("/api/nothing-here")]
    [InlineData("/health")]
    public async Task every_response_carries_the_security_headers(string url)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.IgnoreStatusCode();
        });
        var headers = result.Context.Response.Headers;
        var policy = Directives(headers.ContentSecurityPolicy.ToString());
        policy["script-src"].ShouldBe("'self'");
        policy["frame-ancestors"].ShouldBe("'none'");
        policy["object-src"].ShouldBe("'none'");
        headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
        headers["Referrer-Policy"].ToString().ShouldBe("no-referrer");
        headers.StrictTransportSecurity.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task the_api_reference_may_run_its_inline_start_up_script_but_still_cannot_be_framed()
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/scalar/"));
        var policy = Directives(result.Context.Response.Headers.ContentSecurityPolicy.ToString());
        policy["script-src"].ShouldBe("'self' 'unsafe-inline'");
        policy["frame-ancestors"].ShouldBe("'none'");
    }

    [Fact]
    public async Task https_responses_ask_the_browser_to_stay_on_https()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/health");
            s.ConfigureHttpContext(http => http.Request.Scheme = "https");
        });
        result.Context.Response.Headers.StrictTransportSecurity.ToString().ShouldBe("max-age=31536000");
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");
}
