using Marten;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Features.Providers;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Tests.Engines.Models;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Providers;

/// <summary>What a later caller of models (conversations) gets: a client from the user's sealed settings, spend and ceilings.</summary>
public sealed class ModelAccessTests(PromptmarkApp app) : IAsyncLifetime
{
    private const string Key = "sk-access-0123456789";
    private OpenAiCompatibleServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ModelAccess Access => app.Host.Services.GetRequiredService<ModelAccess>();

    public async ValueTask InitializeAsync() => _server = await OpenAiCompatibleServer.StartAsync(Key);

    [Fact]
    public async Task a_call_is_made_with_the_sealed_key_priced_and_added_to_the_month()
    {
        var user = await UserWithPricedProviderAsync(new { });
        _server.Reply(new ScriptedReply.Text("Hi", 1_000, 500));

        var cost = await CallAsync(user);

        cost.ShouldBe(new CallCost(1_000, 500, 0.006m, true, null));
        _server.Requests.Single().Headers["Authorization"].ShouldBe($"Bearer {Key}");
        var providers = await app.GetAsync(user, "/api/providers");
        providers.GetProperty("spent_this_month_usd").GetDecimal().ShouldBe(0.006m);
        providers.GetProperty("providers")[0].GetProperty("spent_this_month_usd").GetDecimal().ShouldBe(0.006m);

        _server.Reply(new ScriptedReply.Text("Again", 1_000, 0));
        await CallAsync(user);
        (await app.GetAsync(user, "/api/providers")).GetProperty("spent_this_month_usd").GetDecimal().ShouldBe(0.008m);
    }

    [Fact]
    public async Task a_reached_provider_budget_refuses_the_next_call_before_anything_is_sent()
    {
        var user = await UserWithPricedProviderAsync(new { monthly_budget_usd = 0.005m });
        _server.Reply(new ScriptedReply.Text("Hi", 1_000, 500));
        await CallAsync(user);

        var refused = await Should.ThrowAsync<UnprocessableException>(() => OpenAsync(user, "priced/test-model"));

        refused.Message.ShouldStartWith("The monthly budget for priced ($0.005) is reached: $0.006 spent this month.");
        _server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task another_users_spend_does_not_count_against_your_budget()
    {
        var spender = await UserWithPricedProviderAsync(new { });
        _server.Reply(new ScriptedReply.Text("Hi", 1_000, 500));
        await CallAsync(spender);
        var user = await UserWithPricedProviderAsync(new { monthly_budget_usd = 0.005m });

        (await OpenAsync(user, "priced/test-model")).Spend.RowId.ShouldBeNull();
        (await app.GetAsync(user, "/api/providers")).GetProperty("spent_this_month_usd").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task a_reached_user_budget_refuses_calls_to_any_provider()
    {
        var user = await UserWithPricedProviderAsync(new { });
        (await app.PutAsync(user, "/api/providers", new { monthly_budget_usd = 0.001m })).GetProperty("monthly_budget_usd").GetDecimal().ShouldBe(0.001m);
        _server.Reply(new ScriptedReply.Text("Hi", 1_000, 0));
        await CallAsync(user);

        var refused = await Should.ThrowAsync<UnprocessableException>(() => OpenAsync(user, "priced/other-model"));

        refused.Message.ShouldStartWith("Your monthly model budget ($0.001) is reached");
        _server.Requests.Count.ShouldBe(1);
        (await app.GetAsync(user, "/api/providers")).GetProperty("monthly_budget_usd").GetDecimal().ShouldBe(0.001m);
    }

    [Fact]
    public async Task a_provider_that_is_not_configured_is_refused_naming_the_setting()
    {
        var user = await app.NewUserAsync();

        var refused = await Should.ThrowAsync<UnprocessableException>(() => OpenAsync(user, "openai/gpt-4o"));

        refused.Message.ShouldStartWith("No model provider named openai is configured: add it with PUT /api/providers/openai");
    }

    [Fact]
    public async Task another_users_provider_is_not_configured_for_you()
    {
        await UserWithPricedProviderAsync(new { });
        var stranger = await app.NewUserAsync();

        await Should.ThrowAsync<UnprocessableException>(() => OpenAsync(stranger, "priced/test-model"));
    }

    [Fact]
    public async Task a_model_id_without_a_provider_is_invalid_input()
    {
        var user = await app.NewUserAsync();

        var invalid = await Should.ThrowAsync<InvalidInputException>(() => OpenAsync(user, "gpt-4o"));

        invalid.Errors["model_id"].ShouldBe([$"must be {ModelId.Format}"]);
    }

    private async Task<TestUser> UserWithPricedProviderAsync(object settings)
    {
        var user = await app.NewUserAsync();
        var body = System.Text.Json.JsonSerializer.SerializeToElement(settings).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object)p.Value);
        body["api_key"] = Key;
        body["base_url"] = _server.BaseUrl.ToString();
        await app.PutAsync(user, "/api/providers/priced", body);
        return user;
    }

    private async Task<OpenedModel> OpenAsync(TestUser user, string modelId)
    {
        await using var session = Session(user);
        return await Access.OpenAsync(session, modelId, Ct);
    }

    private async Task<CallCost> CallAsync(TestUser user)
    {
        await using var session = Session(user);
        var model = await Access.OpenAsync(session, "priced/test-model", Ct);
        var response = await model.Client.GetResponseAsync("Hello", cancellationToken: Ct);
        var cost = await Access.RecordAsync(session, model, response.Usage, Ct);
        await session.SaveChangesAsync(Ct);
        return cost;
    }

    private IDocumentSession Session(TestUser user) =>
        app.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession(user.Id.ToString());

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}
