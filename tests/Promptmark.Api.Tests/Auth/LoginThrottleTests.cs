using System.Net;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Auth;

public sealed class LoginThrottleTests(PromptmarkApp app)
{
    private const int PerClientAndEmail = 5;
    private const int PerClient = 20;

    [Fact]
    public async Task two_hundred_parallel_wrong_guesses_reach_the_password_check_at_most_the_limit()
    {
        var user = await app.NewUserAsync();
        using var http = app.ClientFrom(ClientAddresses.New());

        var guesses = Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = await http.SignInAsync(user.Email, $"wrong guess {i}");
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(guesses).WaitAsync(TimeSpan.FromMinutes(3));

        var checkedAgainstThePassword = statuses.Count(s => s == HttpStatusCode.Unauthorized);
        checkedAgainstThePassword.ShouldBeLessThanOrEqualTo(PerClientAndEmail);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(200 - checkedAgainstThePassword);
    }

    [Fact]
    public async Task a_throttled_sign_in_answers_429_problem_details_with_retry_after()
    {
        var user = await app.NewUserAsync();
        using var http = app.ClientFrom(ClientAddresses.New());
        for (var i = 0; i < PerClientAndEmail; i++)
            (await http.SignInAsync(user.Email, $"guess {i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var refused = await http.SignInAsync(user.Email, user.Password);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Too many failed sign-ins");
    }

    [Fact]
    public async Task guesses_from_one_client_do_not_lock_the_owner_out_from_another()
    {
        var victim = await app.NewUserAsync();
        using var attacker = app.ClientFrom(ClientAddresses.New());
        for (var i = 0; i < PerClientAndEmail; i++)
            (await attacker.SignInAsync(victim.Email, $"guess {i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await attacker.SignInAsync(victim.Email, "one more guess")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        using var owner = app.ClientFrom(ClientAddresses.New());
        (await owner.SignInAsync(victim.Email, victim.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_successful_sign_in_clears_that_clients_failures()
    {
        var user = await app.NewUserAsync();
        using var http = app.ClientFrom(ClientAddresses.New());
        for (var i = 0; i < PerClientAndEmail - 1; i++)
            (await http.SignInAsync(user.Email, $"typo {i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await http.SignInAsync(user.Email, user.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);

        for (var i = 0; i < PerClientAndEmail - 1; i++)
            (await http.SignInAsync(user.Email, $"typo again {i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await http.SignInAsync(user.Email, user.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task one_client_guessing_many_emails_is_throttled_per_address()
    {
        using var http = app.ClientFrom(ClientAddresses.New());
        for (var i = 0; i < PerClient; i++)
            (await http.SignInAsync($"nobody-{Guid.NewGuid():N}@example.com", "a guess")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var user = await app.NewUserAsync();
        (await http.SignInAsync(user.Email, user.Password)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
