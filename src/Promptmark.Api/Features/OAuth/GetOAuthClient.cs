using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.OAuth;

[Description("Who an OAuth client says it is: its name, home page and redirect URIs, as it registered them or as its client ID metadata document (a client_id that is an https URL) says. The consent page shows this before the user approves.")]
public sealed record GetOAuthClient : PrivateInput, ISlice<OAuthClientView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/oauth/clients/{client_id}").MayAnswer(422);

    [Required, Description("The client_id the client registered with, or the URL of its client ID metadata document")]
    public string ClientId { get; init; } = "";
}

public sealed record OAuthClientView(
    [property: Description("The client_id")] string ClientId,
    [property: Description("The name the client registered; chosen by the client, not verified")] string Name,
    [property: Description("The redirect URIs the client registered")] IReadOnlyList<string> RedirectUris,
    [property: Description("The client's home page from its metadata document, when it gives one; chosen by the client, not verified")] string? ClientUri);

public static class GetOAuthClientHandler
{
    // Clients belong to no user: any signed-in user about to approve one may read what it registered.
    public static async Task<OAuthClientView> Handle(GetOAuthClient query, OAuthClients clients, CancellationToken ct)
    {
        // Routing leaves an encoded slash encoded; a metadata document URL arrives with its slashes as %2F.
        var clientId = query.ClientId.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var lookup = await clients.FindAsync(clientId, ct);
        if (lookup.IsFound) return new OAuthClientView(lookup.Client.Id, lookup.Client.Name, lookup.Client.RedirectUris, lookup.Client.ClientUri);
        throw ClientMetadataDocuments.IsDocumentUrl(clientId) ? new UnprocessableException(lookup.Refusal) : new NotFoundException("OAuth client");
    }
}
