using System.Net;
using System.Net.Http.Json;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Auth;

public sealed class RegistrationLimitTests(PromptmarkApp app)
{
    private const int PerClientPerHour = 20;

    [Fact]
    public async Task registering_more_than_the_hourly_limit_from_one_address_answers_429_with_retry_after()
    {
        using var http = app.ClientFrom(ClientAddresses.New());
        for (var i = 0; i < PerClientPerHour; i++)
            (await RegisterAsync(http)).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var refused = await RegisterAsync(http);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Too many accounts");

        using var elsewhere = app.ClientFrom(ClientAddresses.New());
        (await RegisterAsync(elsewhere)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient http) =>
        http.PostAsJsonAsync("/api/auth/register", new { email = $"limit-{Guid.NewGuid():N}@example.com", password = "long enough pw" });
}
