using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Promptmark.Api.Engines.Egress;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Connections.OAuth;

/// <summary>
/// Every request of the OAuth side of connections: each URL judged by <see cref="ConnectionUrlPolicy"/> before it is
/// dialled, the guarded sockets after, no redirect followed, answers capped. Failures become a
/// <see cref="BadGatewayException"/> built from status codes, never from a body or an address.
/// </summary>
public sealed class OAuthHttp(RemoteHttpClients clients, ConnectionUrlPolicy urlPolicy)
{
    public const long MaxResponseBytes = 1024 * 1024;
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>An answer: its status, its JSON body when it had one, and its <c>WWW-Authenticate</c> challenge.</summary>
    public sealed record Answer(HttpStatusCode Status, JsonElement? Json, string? Challenge)
    {
        public bool IsSuccess => (int)Status is >= 200 and < 300;
    }

    /// <summary>The URL as it will be dialled; an URL the egress rules refuse fails with why, naming <paramref name="what"/>.</summary>
    public Uri Checked(string? url, string what)
    {
        var check = urlPolicy.Check(url ?? "");
        return check.IsAllowed ? check.Url : throw new BadGatewayException($"OAuth sign-in failed: the {what} is not allowed ({check.Refusal})");
    }

    public Task<Answer> GetAsync(Uri url, CancellationToken ct) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url), ct);

    public Task<Answer> PostJsonAsync(Uri url, string json, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") }, ct);

    public Task<Answer> PostFormAsync(Uri url, IEnumerable<KeyValuePair<string, string>> form, CancellationToken ct, AuthenticationHeaderValue? authorization = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form), Headers = { Authorization = authorization } }, ct);

    private async Task<Answer> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var _ = request;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var http = clients.CreatePlain(RequestTimeout, MaxResponseBytes);
        try
        {
            using var response = await http.SendAsync(request, ct);
            var challenge = response.Headers.WwwAuthenticate.Count > 0 ? response.Headers.WwwAuthenticate.ToString() : null;
            return new Answer(response.StatusCode, await ReadJsonAsync(response, ct), challenge);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new BadGatewayException($"OAuth sign-in failed: {request.RequestUri!.Host} did not answer in time");
        }
        catch (Exception failure) when (failure is HttpRequestException or EgressRefusedException)
        {
            throw new BadGatewayException($"OAuth sign-in failed: {(Refusal(failure) ?? $"could not reach {request.RequestUri!.Host}")}");
        }
    }

    private static string? Refusal(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
            if (failure is EgressRefusedException refusal) return refusal.Message;
        return null;
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType is not { } type || !type.Contains("json", StringComparison.OrdinalIgnoreCase))
            return null;
        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            return json.RootElement.ValueKind == JsonValueKind.Object ? json.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
