using Marten;
using Marten.Schema.Indexing.Unique;

namespace Promptmark.Api.Features.PlaybookTriggers;

/// <summary>
/// The secret that lets an outside sender (a webhook, a script) start runs of one playbook through its trigger URL.
/// A playbook has at most one. Only its SHA-256 is kept, as for API keys: the token itself is shown once, when it is
/// created or rotated.
/// </summary>
public sealed class TriggerToken
{
    public Guid Id { get; set; }
    public Guid PlaybookId { get; set; }

    /// <summary>Copied here so that a trigger finds its owner in one indexed read across users, like an API key does.</summary>
    public Guid OwnerId { get; set; }

    public required string Hash { get; set; }
    public required string Hint { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class TriggerTokenStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Schema.For<TriggerToken>()
            .Index(t => t.Hash, index =>
            {
                index.Name = "uq_trigger_token_hash";
                index.IsUnique = true;
            })
            .Index(t => t.PlaybookId, index =>
            {
                // One token per playbook, even when two creations race.
                index.Name = "uq_trigger_token_per_playbook";
                index.IsUnique = true;
                index.TenancyScope = TenancyScope.PerTenant;
            });
}

/// <summary>Whether a playbook has a trigger token, and where to send triggers; never the token itself.</summary>
public sealed record TriggerTokenStatus(
    bool Exists, string? Hint, DateTimeOffset? CreatedAt, string TriggerPath)
{
    public static TriggerTokenStatus Of(Guid playbookId, TriggerToken? token) =>
        new(token is not null, token?.Hint, token?.CreatedAt, PlaybookTrigger.PathFor(playbookId));
}

/// <summary>A token just created or rotated: <see cref="Token"/> is shown this once and cannot be read again.</summary>
public sealed record IssuedTriggerToken(string Token, string Hint, DateTimeOffset CreatedAt, string TriggerPath);
