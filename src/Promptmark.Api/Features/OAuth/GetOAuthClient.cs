using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.OAuth;

[Description("Who a registered OAuth client says it is: its name and the redirect URIs it registered. The consent page shows this before the user approves.")]
public sealed record GetOAuthClient : PrivateInput, ISlice<OAuthClientView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/oauth/clients/{client_id}");

    [Required, Description("The client_id the client registered with")]
    public string ClientId { get; init; } = "";
}

public sealed record OAuthClientView(
    [property: Description("The client_id")] string ClientId,
    [property: Description("The name the client registered; chosen by the client, not verified")] string Name,
    [property: Description("The redirect URIs the client registered")] IReadOnlyList<string> RedirectUris);

public static class GetOAuthClientHandler
{
    // Clients belong to no user: any signed-in user about to approve one may read what it registered.
    public static async Task<OAuthClientView> Handle(GetOAuthClient query, IDocumentSession session, CancellationToken ct) =>
        await session.LoadAsync<OAuthClient>(query.ClientId, ct) is { } client
            ? new OAuthClientView(client.Id, client.Name, client.RedirectUris)
            : throw new NotFoundException("OAuth client");
}
