using System.Text.Json;
using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Providers;

public sealed class ProviderSettingsTests(PromptmarkApp app) : IAsyncLifetime
{
    private const string Key = "sk-settings-0123456789";
    private OpenAiCompatibleServer _openAi = null!;
    private AnthropicServer _anthropic = null!;

    public async ValueTask InitializeAsync()
    {
        _openAi = await OpenAiCompatibleServer.StartAsync(Key);
        _anthropic = await AnthropicServer.StartAsync(Key);
    }

    [Fact]
    public async Task a_provider_is_set_listed_and_removed_and_its_key_is_never_shown()
    {
        var user = await app.NewUserAsync();

        var set = await app.PutAsync(user, "/api/providers/openai", new { api_key = Key, base_url = _openAi.BaseUrl.ToString(), monthly_budget_usd = 5 });
        set.Str("name").ShouldBe("openai");
        set.Str("kind").ShouldBe("openai");
        set.Str("base_url").ShouldBe(_openAi.BaseUrl.AbsoluteUri);
        set.GetProperty("has_api_key").GetBoolean().ShouldBeTrue();
        set.GetProperty("monthly_budget_usd").GetDecimal().ShouldBe(5m);

        var list = await app.GetAsync(user, "/api/providers");
        list.GetProperty("providers").EnumerateArray().Select(p => p.Str("name")).ShouldBe(["openai"]);
        list.ToString().ShouldNotContain(Key);

        await app.DeleteAsync(user, "/api/providers/openai");
        (await app.GetAsync(user, "/api/providers")).GetProperty("providers").GetArrayLength().ShouldBe(0);
        await app.DeleteAsync(user, "/api/providers/openai", 404);
    }

    [Fact]
    public async Task a_hosted_provider_defaults_to_its_own_api()
    {
        var user = await app.NewUserAsync();

        var set = await app.PutAsync(user, "/api/providers/anthropic", new { api_key = Key });

        set.Str("base_url").ShouldBe("https://api.anthropic.com/");
        set.Str("kind").ShouldBe("anthropic");
    }

    [Fact]
    public async Task a_hosted_provider_needs_a_key_and_a_server_of_your_own_needs_a_base_url()
    {
        var user = await app.NewUserAsync();

        (await app.PutAsync(user, "/api/providers/openai", new { monthly_budget_usd = 5 }, 400)).GetProperty("errors").GetProperty("api_key").ToString().ShouldContain("is required for openai");
        (await app.PutAsync(user, "/api/providers/ollama", new { api_key = "sk-local" }, 400)).GetProperty("errors").GetProperty("base_url").ToString().ShouldContain("OpenAI-compatible");
        (await app.PutAsync(user, "/api/providers/Not%20Valid", new { base_url = _openAi.BaseUrl.ToString() }, 400)).GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
        (await app.PutAsync(user, "/api/providers/ollama", new { base_url = _openAi.BaseUrl.ToString(), monthly_budget_usd = -1 }, 400))
            .GetProperty("errors").TryGetProperty("monthly_budget_usd", out _).ShouldBeTrue();
        (await app.GetAsync(user, "/api/providers")).GetProperty("providers").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("http://169.254.169.254/v1")]
    [InlineData("http://10.0.0.7:11434/v1")]
    [InlineData("http://127.0.0.2:11434/v1")]
    [InlineData("file:///etc/passwd")]
    public async Task a_base_url_outside_the_egress_rules_is_refused(string baseUrl)
    {
        var user = await app.NewUserAsync();

        var problem = await app.PutAsync(user, "/api/providers/ollama", new { base_url = baseUrl }, 400);

        problem.GetProperty("errors").GetProperty("base_url").ToString().ShouldNotContain(baseUrl);
        (await app.GetAsync(user, "/api/providers")).GetProperty("providers").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task leaving_out_the_key_keeps_it_and_an_empty_key_removes_it()
    {
        var user = await app.NewUserAsync();
        var url = _openAi.BaseUrl.ToString();
        await app.PutAsync(user, "/api/providers/ollama", new { base_url = url, api_key = Key });

        (await app.PutAsync(user, "/api/providers/ollama", new { base_url = url })).GetProperty("has_api_key").GetBoolean().ShouldBeTrue();
        (await app.PutAsync(user, "/api/providers/ollama", new { base_url = url, api_key = "" })).GetProperty("has_api_key").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task a_stranger_sees_none_of_your_providers_and_cannot_remove_them()
    {
        var owner = await app.NewUserAsync();
        var stranger = await app.NewUserAsync();
        await app.PutAsync(owner, "/api/providers/openai", new { api_key = Key, base_url = _openAi.BaseUrl.ToString() });

        (await app.GetAsync(stranger, "/api/providers")).GetProperty("providers").GetArrayLength().ShouldBe(0);
        await app.DeleteAsync(stranger, "/api/providers/openai", 404);
        await app.GetAsync(stranger, "/api/models", 422);
        (await app.GetAsync(owner, "/api/providers")).GetProperty("providers").GetArrayLength().ShouldBe(1);
        _openAi.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_models_of_every_provider_are_listed_with_their_prices_and_kept_for_a_while()
    {
        var user = await app.NewUserAsync();
        _openAi.Models.AddRange(["test-model"]);
        await app.PutAsync(user, "/api/providers/priced", new { api_key = Key, base_url = _openAi.BaseUrl.ToString() });
        await app.PutAsync(user, "/api/providers/anthropic", new { api_key = Key, base_url = _anthropic.BaseUrl.ToString() });

        var models = await app.GetAsync(user, "/api/models");
        await app.GetAsync(user, "/api/models");

        models.GetProperty("models").EnumerateArray().Select(m => m.Str("id")).ShouldBe(
            ["anthropic/model-a", "anthropic/model-b", "priced/model-a", "priced/model-b", "priced/test-model"]);
        var priced = models.GetProperty("models").EnumerateArray().Single(m => m.Str("id") == "priced/test-model");
        priced.GetProperty("input_per_million_usd").GetDecimal().ShouldBe(2m);
        priced.GetProperty("output_per_million_usd").GetDecimal().ShouldBe(8m);
        models.GetProperty("models")[0].GetProperty("input_per_million_usd").ValueKind.ShouldBe(JsonValueKind.Null);
        _openAi.Requests.Count(r => r.Path == "/v1/models").ShouldBe(1);
        _anthropic.Requests.Count(r => r.Path == "/v1/models").ShouldBe(1);

        await app.PutAsync(user, "/api/providers/priced", new { api_key = Key + "-new", base_url = _openAi.BaseUrl.ToString() });
        var afterChange = await app.GetAsync(user, "/api/models");
        _openAi.Requests.Count(r => r.Path == "/v1/models").ShouldBe(2);
        afterChange.GetProperty("unavailable").EnumerateArray().Single().Str("message").ShouldBe("priced answered 401: the API key was refused");
    }

    [Fact]
    public async Task with_no_provider_the_model_list_names_the_setting()
    {
        var user = await app.NewUserAsync();

        var problem = await app.GetAsync(user, "/api/models", 422);

        problem.Str("detail").ShouldStartWith("No model provider is configured: add one with PUT /api/providers/{name}");
    }

    public async ValueTask DisposeAsync()
    {
        await _openAi.DisposeAsync();
        await _anthropic.DisposeAsync();
    }
}
