using System.Diagnostics.CodeAnalysis;
using Marten;

namespace Promptmark.Api.Features.OAuth;

/// <summary>The client a client_id names, or why there is none; the reason is safe to show to the client and the user.</summary>
public sealed record ClientLookup(OAuthClient? Client, string? Refusal)
{
    [MemberNotNullWhen(true, nameof(Client))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsFound => Client is not null;

    public static ClientLookup Found(OAuthClient client) => new(client, null);

    public static ClientLookup Refused(string why) => new(null, why);
}

/// <summary>
/// Every client_id the authorization server meets is resolved here: an https URL is a Client ID Metadata Document,
/// anything else a client that registered itself (RFC 7591).
/// </summary>
public sealed class OAuthClients(IDocumentStore store, ClientMetadataDocuments documents)
{
    public const string Unregistered = "The client_id is not registered here: register it first (RFC 7591) or use a client ID metadata document URL.";

    public async Task<ClientLookup> FindAsync(string? clientId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(clientId)) return ClientLookup.Refused(Unregistered);
        if (ClientMetadataDocuments.IsDocumentUrl(clientId)) return await documents.ResolveAsync(clientId, ct);
        await using var session = store.QuerySession();
        return await session.LoadAsync<OAuthClient>(clientId, ct) is { } client ? ClientLookup.Found(client) : ClientLookup.Refused(Unregistered);
    }
}
