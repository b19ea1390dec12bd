using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;

namespace Promptmark.Api.Features.OAuth;

/// <summary>
/// Dynamic client registration (RFC 7591) for public clients: a client posts its name and redirect URIs and gets a
/// client_id. Redirect URIs must be https, or http on a loopback host (native and desktop clients, RFC 8252). Every
/// client is registered as public, whatever token_endpoint_auth_method it asked for: the answer says "none", as RFC 7591
/// lets a server decide.
/// </summary>
public static class ClientRegistration
{
    public const int MaxRedirectUris = 10;
    public const int MaxNameLength = 200;

    public sealed record Request(
        [property: JsonPropertyName("client_name")] string? ClientName,
        [property: JsonPropertyName("redirect_uris")] List<string>? RedirectUris);

    public static async Task<IResult> RegisterAsync(HttpRequest http, IDocumentStore store, TimeProvider clock)
    {
        Request? request;
        try
        {
            request = await http.ReadFromJsonAsync<Request>(http.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return Refused("invalid_client_metadata", "The body must be a JSON object (RFC 7591).");
        }
        if (request?.RedirectUris is not { Count: > 0 and <= MaxRedirectUris } uris)
            return Refused("invalid_redirect_uri", $"redirect_uris must list 1 to {MaxRedirectUris} URIs.");
        if (uris.FirstOrDefault(uri => !IsAcceptableRedirect(uri)) is { } bad)
            return Refused("invalid_redirect_uri", $"'{bad}' is not an absolute https URI or an http URI on a loopback host.");
        var name = string.IsNullOrWhiteSpace(request.ClientName) ? "Unnamed client" : request.ClientName.Trim();
        if (name.Length > MaxNameLength) return Refused("invalid_client_metadata", $"client_name must be at most {MaxNameLength} characters.");

        var client = new OAuthClient { Id = "pmc_" + Guid.NewGuid().ToString("N"), Name = name, RedirectUris = uris, RegisteredAt = clock.GetUtcNow() };
        await using var session = store.LightweightSession();
        session.Store(client);
        await session.SaveChangesAsync(http.HttpContext.RequestAborted);
        return Results.Json(new Dictionary<string, object>
        {
            ["client_id"] = client.Id,
            ["client_id_issued_at"] = client.RegisteredAt.ToUnixTimeSeconds(),
            ["client_name"] = client.Name,
            ["redirect_uris"] = client.RedirectUris,
            ["token_endpoint_auth_method"] = "none",
            ["grant_types"] = new[] { "authorization_code", "refresh_token" },
            ["response_types"] = new[] { "code" },
        }, statusCode: StatusCodes.Status201Created);
    }

    public static bool IsAcceptableRedirect(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Fragment.Length == 0
        && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback);

    private static IResult Refused(string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: StatusCodes.Status400BadRequest);
}
