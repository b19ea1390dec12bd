using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.OAuth;

[Description("Revoke an app you authorized: its access and refresh tokens stop working at once.")]
public sealed record RevokeOAuthGrant : PrivateInput, ISlice<Deleted>
{
    public static SliceBinding Binding { get; } = SliceBinding.Delete("/api/oauth/grants/{id}");

    [Required, Description("The grant ID")]
    public string Id { get; init; } = "";
}

public static class RevokeOAuthGrantHandler
{
    // Every token carries its grant's id and is checked against the live grant (GrantLedger, OAuthBearer), so deleting it is the revocation.
    public static async Task<Deleted> Handle(RevokeOAuthGrant command, IDocumentSession session, CancellationToken ct)
    {
        var grant = await session.LoadOwnedAsync<OAuthGrant>(command.Id, "Authorized app", ct);
        session.Delete(grant);
        return new Deleted(grant.Id);
    }
}
