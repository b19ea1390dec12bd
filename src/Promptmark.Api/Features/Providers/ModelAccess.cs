using Marten;
using Marten.Services.BatchQuerying;
using Microsoft.Extensions.AI;
using Promptmark.Api.Engines.Egress;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Features.PostHog;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Providers;

/// <summary>A model ready to be called for the caller, and the id its usage is recorded under.</summary>
/// <param name="Spend">The month's spend row of its provider as read when it was opened, so recording a call reads nothing more.</param>
public sealed record OpenedModel(ModelId Id, IChatClient Client, MonthSpend Spend);

/// <summary>
/// The providers area's surface for anything that calls a model: opens a <c>provider/model</c> for the caller from their
/// sealed settings, refusing before anything is sent when the provider is missing or a budget is reached, and records
/// what each call cost. Each call is reported to the caller's PostHog, when they have one (<see cref="GenerationAnalytics"/>).
/// </summary>
public sealed class ModelAccess(ProviderSecrets secrets, ModelClients clients, UsageCalculator usage, GenerationAnalytics analytics, TimeProvider clock)
{
    /// <param name="feature">What the analytics event calls the feature making the call.</param>
    public async Task<OpenedModel> OpenAsync(IDocumentSession session, string modelId, CancellationToken ct, string feature = AnalyticsFeatures.Conversation)
    {
        // One round trip for everything the call needs to know.
        var batch = session.CreateBatchQuery();
        var opening = Open(batch, session.CallerId(), modelId, feature);
        await batch.Execute(ct);
        return await opening;
    }

    /// <summary>
    /// <see cref="OpenAsync"/> for a caller that reads more in the same round trip: the provider's settings, the month's
    /// spend and the analytics settings are queued on <paramref name="batch"/>; the task completes once it has executed.
    /// </summary>
    /// <param name="hostedTools">Whether the call passes the provider's built-in tools (<see cref="ModelClients.HostedToolsChatClient"/>).</param>
    /// <exception cref="InvalidInputException">The model id is not <c>provider/model</c> (thrown at once).</exception>
    public Task<OpenedModel> Open(IBatchedQuery batch, Guid callerId, string modelId, string feature = AnalyticsFeatures.Conversation, bool hostedTools = false)
    {
        var id = Parsed(modelId);
        return OpenedAsync(id, hostedTools, ReadsOf(batch, callerId, feature));
    }

    /// <summary>
    /// Queues on <paramref name="batch"/> what opening any of the caller's models needs (their providers, the month's spend,
    /// the budgets, the analytics settings), for a caller that learns which model from the same round trip; open it once
    /// the batch has executed.
    /// </summary>
    public ModelOpening Reads(IBatchedQuery batch, Guid callerId, string feature = AnalyticsFeatures.Conversation) =>
        new(this, ReadsOf(batch, callerId, feature));

    private ModelReads ReadsOf(IBatchedQuery batch, Guid callerId, string feature)
    {
        var month = SpendBudget.MonthOf(clock.GetUtcNow());
        return new ModelReads(callerId, feature, month, batch.Query<ModelProvider>().ToList(), batch.SpendRows(month),
            batch.UserBudget(callerId), GenerationAnalytics.SettingsIn(batch, callerId));
    }

    internal static ModelId Parsed(string modelId) =>
        ModelId.TryParse(modelId, out var id) ? id : throw new InvalidInputException("model_id", $"must be {ModelId.Format}");

    internal async Task<OpenedModel> OpenedAsync(ModelId id, bool hostedTools, ModelReads reads)
    {
        var provider = (await reads.Providers).FirstOrDefault(p => p.Name == id.Provider) ?? throw new UnprocessableException(NotConfigured(id.Provider));

        var rows = await reads.Spending;
        var spent = SpendLedger.ByProvider(rows);
        var refusal = SpendBudget.Refusal(provider.Name,
            new MonthToDate(spent.Values.Sum(), spent.GetValueOrDefault(provider.Name)),
            new MonthlyBudgets(await reads.UserBudget, provider.MonthlyBudgetUsd));
        if (refusal is not null) throw new UnprocessableException(refusal);

        IChatClient client;
        try
        {
            var endpoint = secrets.Endpoint(provider, reads.CallerId);
            client = hostedTools ? clients.HostedToolsChatClient(endpoint, id.Model) : clients.ChatClient(endpoint, id.Model);
        }
        catch (EgressRefusedException refused)
        {
            throw new UnprocessableException($"Provider {provider.Name}: {refused.Message}");
        }
        var row = rows.FirstOrDefault(r => r.Provider == provider.Name);
        var reporting = analytics.Reporting(await reads.AnalyticsSettings, reads.CallerId, client, id, reads.Feature);
        return new OpenedModel(id, reporting, new MonthSpend(reads.Month, row?.Id));
    }

    /// <summary>Prices a finished call from the usage its provider reported and adds it to this month's spend.</summary>
    public async Task<CallCost> RecordAsync(IDocumentSession session, OpenedModel model, UsageDetails? reported, CancellationToken ct)
    {
        var cost = usage.Cost(model.Id, reported);
        var month = SpendBudget.MonthOf(clock.GetUtcNow());
        await session.RecordAsync(month, model.Id.Provider, cost, model.Spend.Month == month ? model.Spend.RowId : null, ct);
        return cost;
    }

    public static string NotConfigured(string provider) =>
        $"No model provider named {provider} is configured: add it with PUT /api/providers/{provider} " +
        "(openai, anthropic and openrouter take an api_key; any other name is an OpenAI-compatible server and takes a base_url).";

    public const string NoneConfigured =
        "No model provider is configured: add one with PUT /api/providers/{name} " +
        "(openai, anthropic and openrouter take an api_key; any other name is an OpenAI-compatible server and takes a base_url).";
}

/// <summary>The batched reads of <see cref="ModelAccess.Reads"/>.</summary>
internal sealed record ModelReads(
    Guid CallerId, string Feature, string Month, Task<IReadOnlyList<ModelProvider>> Providers, Task<IReadOnlyList<ModelSpend>> Spending,
    Task<decimal?> UserBudget, Task<PostHogSettings?> AnalyticsSettings);

/// <summary>Opens any of the caller's models from reads already queued on a batch (<see cref="ModelAccess.Reads"/>), once it has executed.</summary>
public sealed class ModelOpening
{
    private readonly ModelAccess _access;
    private readonly ModelReads _reads;

    internal ModelOpening(ModelAccess access, ModelReads reads) => (_access, _reads) = (access, reads);

    /// <summary>The model, or the refusal <see cref="ModelAccess.OpenAsync"/> would give (an id not <c>provider/model</c>, no such provider, a budget reached).</summary>
    public Task<OpenedModel> OpenAsync(string modelId, bool hostedTools = false) => _access.OpenedAsync(ModelAccess.Parsed(modelId), hostedTools, _reads);
}
