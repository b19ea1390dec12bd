using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Promptmark.Api.Engines.Egress;

namespace Promptmark.Api.Features.OAuth;

/// <summary>
/// Clients whose client_id is an https URL: a Client ID Metadata Document (draft-ietf-oauth-client-id-metadata-document,
/// the MCP authorization spec's preferred registration). The document is fetched from that URL, a user-supplied one,
/// through the egress guard (public hosts only, unless the operator allowlisted the host; https unless allowlisted), and
/// accepted only when it names itself (client_id equals the URL), lists its redirect URIs and is a public client. A good
/// document is kept as its cache headers say, within <see cref="MinCacheTime"/> and <see cref="MaxCacheTime"/>;
/// a refusal is never kept, so a client that fixes its document is accepted at its next attempt.
/// </summary>
public sealed class ClientMetadataDocuments(EgressOptions egress, ConnectionUrlPolicy urlPolicy, TimeProvider clock) : IDisposable
{
    /// <summary>The draft's suggested bound: a client description needs no more, and a bigger answer is not one.</summary>
    public const int MaxDocumentBytes = 5 * 1024;
    public const int MaxCachedDocuments = 1000;
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultCacheTime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MinCacheTime = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxCacheTime = TimeSpan.FromHours(24);

    private readonly HttpClient http = new(EgressGuard.CreateHandler(egress)) { Timeout = FetchTimeout };
    private readonly ConcurrentDictionary<string, (OAuthClient Client, DateTimeOffset Until)> cache = new(StringComparer.Ordinal);

    /// <summary>A client_id that names a document rather than a registration (those are <c>pmc_…</c>).</summary>
    public static bool IsDocumentUrl(string clientId) =>
        clientId.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || clientId.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    public async Task<ClientLookup> ResolveAsync(string url, CancellationToken ct)
    {
        if (cache.TryGetValue(url, out var kept) && kept.Until > clock.GetUtcNow()) return ClientLookup.Found(kept.Client);
        if (UrlProblem(url) is { } problem) return Refused(problem);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Refused("it did not answer in time");
        }
        catch (HttpRequestException failure)
        {
            return Refused(failure.InnerException is EgressRefusedException refusal ? refusal.Message : "it could not be reached");
        }
        using (response)
        {
            // The draft allows no redirect and no other success: the document is what this URL itself answers.
            if (response.StatusCode != HttpStatusCode.OK) return Refused($"it answered {(int)response.StatusCode}, not 200");
            if (await ReadBoundedAsync(response.Content, ct) is not { } body) return Refused($"it is larger than {MaxDocumentBytes} bytes");
            var read = ClientMetadataDocument.Read(url, body);
            if (read.Client is not { } client) return Refused(read.Refusal!);
            if (CacheTime(response) is { } keep) Keep(url, client, keep);
            return read;
        }
    }

    private string? UrlProblem(string url)
    {
        var check = urlPolicy.Check(url);
        if (!check.IsAllowed) return check.Refusal;
        var uri = check.Url;
        if (uri.AbsolutePath is "" or "/") return "its URL must have a path";
        if (uri.Fragment.Length > 0) return "its URL must not have a fragment";
        var rawPath = url[(url.IndexOf("//", StringComparison.Ordinal) + 2)..].Split('?', '#')[0];
        return rawPath.Split('/').Any(segment => segment is "." or "..") ? "its URL must not have . or .. segments" : null;
    }

    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken ct)
    {
        if (content.Headers.ContentLength > MaxDocumentBytes) return null;
        await using var stream = await content.ReadAsStreamAsync(ct);
        var buffer = new byte[MaxDocumentBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), ct)) > 0) length += read;
        return length > MaxDocumentBytes ? null : buffer[..length];
    }

    /// <summary>How long to keep the document: none for no-store/no-cache, else max-age or Expires within the bounds.</summary>
    private TimeSpan? CacheTime(HttpResponseMessage response)
    {
        var control = response.Headers.CacheControl;
        if (control is { NoStore: true } or { NoCache: true }) return null;
        var asked = control?.MaxAge ?? (response.Content.Headers.Expires is { } expires ? expires - clock.GetUtcNow() : DefaultCacheTime);
        return asked < MinCacheTime ? MinCacheTime : asked > MaxCacheTime ? MaxCacheTime : asked;
    }

    private void Keep(string url, OAuthClient client, TimeSpan time)
    {
        var now = clock.GetUtcNow();
        if (cache.Count >= MaxCachedDocuments)
            foreach (var stale in cache.Where(entry => entry.Value.Until <= now).Select(entry => entry.Key).ToList()) cache.TryRemove(stale, out _);
        if (cache.Count < MaxCachedDocuments) cache[url] = (client, now + time);
    }

    private static ClientLookup Refused(string why) => ClientMetadataDocument.Refused(why);

    public void Dispose() => http.Dispose();
}

/// <summary>What a Client ID Metadata Document says, checked against the URL it was fetched from.</summary>
public static class ClientMetadataDocument
{
    public static ClientLookup Read(string url, byte[] body)
    {
        JsonElement document;
        try
        {
            using var json = JsonDocument.Parse(body);
            document = json.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Refused("it is not JSON");
        }
        if (document.ValueKind != JsonValueKind.Object) return Refused("it is not a JSON object");
        if (Text(document, "client_id") != url) return Refused("its client_id is not the URL it was fetched from");
        if (document.TryGetProperty("client_secret", out _)) return Refused("it holds a client_secret; only public clients may use a metadata document");
        if (Text(document, "token_endpoint_auth_method") is { } method && method != "none")
            return Refused($"token_endpoint_auth_method '{method}' is not supported; metadata document clients are public (\"none\")");
        if (!document.TryGetProperty("redirect_uris", out var uris) || uris.ValueKind != JsonValueKind.Array
            || uris.EnumerateArray().Any(uri => uri.ValueKind != JsonValueKind.String) || uris.GetArrayLength() is 0 or > ClientRegistration.MaxRedirectUris)
            return Refused($"redirect_uris must list 1 to {ClientRegistration.MaxRedirectUris} URIs");
        var redirects = uris.EnumerateArray().Select(uri => uri.GetString()!).ToList();
        if (redirects.FirstOrDefault(uri => !ClientRegistration.IsAcceptableRedirect(uri)) is { } bad)
            return Refused($"redirect URI '{bad}' is not an absolute https URI or an http URI on a loopback host");
        var clientUri = Text(document, "client_uri");
        if (clientUri is not null && !ClientRegistration.IsAcceptableRedirect(clientUri))
            return Refused("client_uri is not an absolute https URI");
        var name = Text(document, "client_name")?.Trim();
        if (name?.Length > ClientRegistration.MaxNameLength) return Refused($"client_name must be at most {ClientRegistration.MaxNameLength} characters");
        return ClientLookup.Found(new OAuthClient
        {
            Id = url, Name = string.IsNullOrEmpty(name) ? new Uri(url).Host : name, ClientUri = clientUri, RedirectUris = redirects,
        });
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static ClientLookup Refused(string why) => ClientLookup.Refused($"The client metadata document at the client_id URL was refused: {why}.");
}
