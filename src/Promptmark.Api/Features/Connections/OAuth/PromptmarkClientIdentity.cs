namespace Promptmark.Api.Features.Connections.OAuth;

/// <summary>
/// Promptmark as an OAuth client that names itself by URL: its Client ID Metadata Document
/// (draft-ietf-oauth-client-id-metadata-document), served at <see cref="DocumentPath"/> of its public origin. The public
/// origin is <c>Promptmark:PublicOrigin</c> (such as <c>https://promptmark.example.com</c>); an authorization server can only
/// fetch the document over https, so an http origin, or none, leaves sign-in to dynamic registration.
/// </summary>
public sealed class PromptmarkClientIdentity
{
    public const string Setting = "Promptmark:PublicOrigin";
    public const string DocumentPath = "/oauth/client-metadata.json";
    public const string ClientName = "Promptmark";

    private readonly string[] redirectUris;

    /// <param name="metadataUrl">The document's URL, which is also the client_id; null when Promptmark has no https public origin.</param>
    /// <param name="redirectUris">The callback pages the document lists; a sign-in sent back elsewhere registers instead.</param>
    /// <param name="clientUri">The home page the document shows the user.</param>
    public PromptmarkClientIdentity(Uri? metadataUrl, IEnumerable<string> redirectUris, Uri? clientUri)
    {
        MetadataUrl = metadataUrl;
        ClientUri = clientUri;
        this.redirectUris = [.. redirectUris];
    }

    public Uri? MetadataUrl { get; }

    public Uri? ClientUri { get; }

    public static PromptmarkClientIdentity From(IConfiguration configuration)
    {
        if (!Uri.TryCreate(configuration[Setting], UriKind.Absolute, out var origin) || origin.Scheme != Uri.UriSchemeHttps)
            return new PromptmarkClientIdentity(null, [], null);
        var root = new Uri(origin.GetLeftPart(UriPartial.Authority) + "/");
        return new PromptmarkClientIdentity(new Uri(root, DocumentPath), [new Uri(root, StartOAuthSignIn.CallbackPath).AbsoluteUri], root);
    }

    /// <summary>Whether a sign-in sent back to <paramref name="redirectUri"/> can use the document's URL as its client_id.</summary>
    public bool Covers(string redirectUri) => MetadataUrl is not null && redirectUris.Contains(redirectUri, StringComparer.Ordinal);

    /// <summary>The document: a public client (PKCE, no secret) of the authorization code and refresh token grants.</summary>
    public Dictionary<string, object>? Document() => MetadataUrl is null
        ? null
        : new Dictionary<string, object>
        {
            ["client_id"] = MetadataUrl.AbsoluteUri,
            ["client_name"] = ClientName,
            ["client_uri"] = ClientUri!.AbsoluteUri,
            ["redirect_uris"] = redirectUris,
            ["grant_types"] = new[] { "authorization_code", "refresh_token" },
            ["response_types"] = new[] { "code" },
            ["token_endpoint_auth_method"] = "none",
        };

}
