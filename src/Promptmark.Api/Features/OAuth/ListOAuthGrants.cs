using System.ComponentModel;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.OAuth;

[Description("List the apps you authorized over OAuth (Claude.ai, ChatGPT and other MCP clients), most recently approved first.")]
public sealed record ListOAuthGrants : PrivateInput, ISlice<OAuthGrantList>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/oauth/grants");
}

public sealed record OAuthGrantList(IReadOnlyList<OAuthGrantView> Grants);

public sealed record OAuthGrantView(
    [property: Description("The grant ID; revoke it with DELETE /api/oauth/grants/{id}")] Guid Id,
    [property: Description("The client_id of the app")] string ClientId,
    [property: Description("The name the app registered")] string ClientName,
    [property: Description("What the app may do: read, write, execute")] IReadOnlyList<string> Scopes,
    [property: Description("When you approved it")] DateTimeOffset ApprovedAt);

public static class ListOAuthGrantsHandler
{
    public static async Task<OAuthGrantList> Handle(ListOAuthGrants query, IDocumentSession session, CancellationToken ct)
    {
        var grants = await session.Query<OAuthGrant>().OrderByDescending(g => g.ApprovedAt).ToListAsync(ct);
        return new OAuthGrantList(grants.Select(g => new OAuthGrantView(g.Id, g.ClientId, g.ClientName, g.Scopes, g.ApprovedAt)).ToList());
    }
}
