using Marten;
using Marten.Patching;
using Marten.Services.BatchQuerying;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Infrastructure.Auth;

namespace Promptmark.Api.Features.Providers;

/// <summary>The month an opened model's spend was read for, and its provider's row then (null before the month's first call).</summary>
public sealed record MonthSpend(string Month, Guid? RowId);

/// <summary>Reads and adds to the caller's monthly spend; every query is scoped to the caller by the session.</summary>
public static class SpendLedger
{
    public static async Task<IReadOnlyDictionary<string, decimal>> SpentByProviderAsync(this IQuerySession session, string month, CancellationToken ct) =>
        ByProvider(await session.Query<ModelSpend>().Where(s => s.Month == month).ToListAsync(ct));

    /// <summary>The month's spend by provider, read with the batch's other queries when it executes.</summary>
    public static async Task<IReadOnlyDictionary<string, decimal>> SpentByProvider(this IBatchedQuery batch, string month) =>
        ByProvider(await batch.SpendRows(month));

    /// <summary>The month's rows, one per provider, read with the batch's other queries when it executes.</summary>
    public static Task<IReadOnlyList<ModelSpend>> SpendRows(this IBatchedQuery batch, string month) =>
        batch.Query<ModelSpend>().Where(s => s.Month == month).ToList();

    /// <summary>The caller's ceiling over all providers, read with the batch's other queries when it executes.</summary>
    public static async Task<decimal?> UserBudget(this IBatchedQuery batch, Guid callerId) =>
        (await batch.Load<SpendCeiling>(callerId))?.MonthlyBudgetUsd;

    public static IReadOnlyDictionary<string, decimal> ByProvider(IReadOnlyList<ModelSpend> rows) =>
        rows.ToDictionary(s => s.Provider, s => s.CostUsd, StringComparer.Ordinal);

    /// <summary>
    /// Adds one call to the month's row for its provider. An existing row is incremented in SQL, so two calls finishing
    /// together both count; the month's first row is inserted, and added to by later calls of the same session (a tool
    /// loop calls the model several times before anything is saved).
    /// </summary>
    /// <param name="knownRowId">The month's row for the provider, when it was read before the call: nothing is read again.</param>
    public static async Task RecordAsync(this IDocumentSession session, string month, string provider, CallCost cost, Guid? knownRowId, CancellationToken ct)
    {
        if (session.PendingChanges.InsertsFor<ModelSpend>().FirstOrDefault(s => s.Month == month && s.Provider == provider) is { } inserted)
        {
            inserted.CostUsd += cost.CostUsd;
            inserted.InputTokens += cost.InputTokens;
            inserted.OutputTokens += cost.OutputTokens;
            inserted.Calls++;
            return;
        }
        var rowId = knownRowId ?? (await session.Query<ModelSpend>().SingleOrDefaultAsync(s => s.Month == month && s.Provider == provider, ct))?.Id;
        if (rowId is not { } id)
        {
            session.Insert(new ModelSpend
            {
                Id = Guid.CreateVersion7(), Month = month, Provider = provider, CostUsd = cost.CostUsd,
                InputTokens = cost.InputTokens, OutputTokens = cost.OutputTokens, Calls = 1,
            });
            return;
        }
        session.Patch<ModelSpend>(id)
            .Increment(s => s.CostUsd, cost.CostUsd)
            .Increment(s => s.InputTokens, cost.InputTokens)
            .Increment(s => s.OutputTokens, cost.OutputTokens)
            .Increment(s => s.Calls, 1);
    }
}
