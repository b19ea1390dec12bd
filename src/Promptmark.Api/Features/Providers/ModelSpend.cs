using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;

namespace Promptmark.Api.Features.Providers;

/// <summary>What the user's calls to one provider used and cost in one calendar month (UTC), added to after every call.</summary>
public sealed class ModelSpend
{
    public Guid Id { get; set; }

    /// <summary>e.g. <c>2026-12</c>.</summary>
    public string Month { get; set; } = "";

    public string Provider { get; set; } = "";
    public decimal CostUsd { get; set; }
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
    public long Calls { get; set; }
}

/// <summary>The user's own ceiling over all their providers; its id is the user's id.</summary>
public sealed class SpendCeiling
{
    public Guid Id { get; set; }
    public decimal? MonthlyBudgetUsd { get; set; }
}

/// <remarks>
/// Both tables are named here so that the schema applied at start creates them: every model call reads the ceiling, which
/// most users never set, and a table nothing has written to yet is not created at run time.
/// </remarks>
public sealed class ModelSpendStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Schema.For<ModelSpend>()
            .UniqueIndex(UniqueIndexType.Computed, "uq_model_spend_month_provider_per_user", TenancyScope.PerTenant, s => s.Month, s => s.Provider);
        options.Schema.For<SpendCeiling>();
    }
}
