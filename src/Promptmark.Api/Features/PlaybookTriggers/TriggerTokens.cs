using Marten;
using Promptmark.Api.Features.Playbooks;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.PlaybookTriggers;

/// <summary>Issuing a playbook's token and finding the one a trigger presents.</summary>
public static class TriggerTokens
{
    /// <summary>Tells a trigger token from an API key (<c>pm_</c>) at a glance, in a log or a leak scanner.</summary>
    public const string Prefix = "pmt_";

    public static Task<TriggerToken?> OfPlaybookAsync(this IQuerySession session, Guid playbookId, CancellationToken ct) =>
        session.Query<TriggerToken>().Where(t => t.PlaybookId == playbookId).FirstOrDefaultAsync(ct);

    /// <summary>The token of one of the caller's playbooks; "not found" when the playbook is not theirs or has none.</summary>
    public static async Task<TriggerToken> LoadOwnedTokenAsync(this IQuerySession session, string playbookId, CancellationToken ct)
    {
        var playbook = await session.LoadOwnedPlaybookAsync(playbookId, ct);
        return await session.OfPlaybookAsync(playbook.Id, ct) ?? throw new NotFoundException("trigger token");
    }

    /// <summary>Gives <paramref name="token"/> a new secret (the old one stops working when this is saved) and answers the secret once.</summary>
    public static IssuedTriggerToken Issue(TriggerToken token, DateTimeOffset now)
    {
        var secret = ApiKeySecret.New(Prefix);
        token.Hash = ApiKeySecret.Hash(secret);
        token.Hint = ApiKeySecret.Hint(secret);
        token.CreatedAt = now;
        return new IssuedTriggerToken(secret, token.Hint, now, PlaybookTrigger.PathFor(token.PlaybookId));
    }

    /// <summary>The token a trigger presents, whoever owns it; null when no playbook has it (never issued, rotated, revoked).</summary>
    public static Task<TriggerToken?> FindAsync(IQuerySession session, string secret, CancellationToken ct)
    {
        var hash = ApiKeySecret.Hash(secret);
        return session.Query<TriggerToken>().Where(t => t.AnyTenant() && t.Hash == hash).FirstOrDefaultAsync(ct);
    }
}
