namespace Promptmark.Api.Engines.Models;

/// <summary>What one call used and cost. <see cref="Note"/> says why the cost is zero when the model has no price.</summary>
public sealed record CallCost(long InputTokens, long OutputTokens, decimal CostUsd, bool Priced, string? Note);
