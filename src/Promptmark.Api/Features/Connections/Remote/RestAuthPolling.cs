using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>How an authorization the hub asked for ended.</summary>
public enum RestAuthOutcome
{
    Approved,

    /// <summary>The hub answered that the authorization failed or was refused.</summary>
    Refused,

    /// <summary>The user did not complete it before the deadline.</summary>
    Expired,
}

/// <summary>
/// The HTTP half of <c>civic:rest-auth</c>: reading the authorization URL from the polling endpoint (GET answers
/// <c>{"authUrl": …}</c>), then asking the same endpoint whether the user is done (HEAD: 200 approved, 202 still
/// waiting, 422 failed). Both URLs pass the egress rules first; the authorization URL is for the user's browser and
/// is never requested here. Requests go through the connection's guarded client, so its credentials reach only its own origin.
/// </summary>
public sealed class RestAuthPolling(RemoteHttpClients http, IOptions<RemoteSessionOptions> options, TimeProvider time)
{
    /// <summary>A JSON object holding one URL: far below this.</summary>
    private const long MaxAnswerBytes = 64 * 1024;

    /// <summary>The URL the user must open, checked by the egress rules; a <see cref="RemoteServerException"/> says why there is none.</summary>
    public async Task<Uri> AuthorizationUrlAsync(RemoteServer server, RestAuthRequest request, CancellationToken ct)
    {
        var endpoint = Checked(request.PollingEndpoint, "authorization polling endpoint");
        using var client = http.CreateFor(server, options.Value.OperationTimeout, MaxAnswerBytes);
        using var response = await SendAsync(client, HttpMethod.Get, endpoint, server, ct);
        if (!response.IsSuccessStatusCode)
            throw new RemoteServerException($"the authorization polling endpoint answered {(int)response.StatusCode}");
        string? url;
        try
        {
            using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            url = answer.RootElement.ValueKind == JsonValueKind.Object && answer.RootElement.TryGetProperty("authUrl", out var given)
                  && given.ValueKind == JsonValueKind.String ? given.GetString() : null;
        }
        catch (JsonException)
        {
            url = null;
        }
        return Checked(url ?? throw new RemoteServerException("the authorization polling endpoint gave no authUrl"), "authorization URL");
    }

    /// <summary>Asks every <paramref name="interval"/> until the hub answers, or <paramref name="deadline"/> passes.</summary>
    public async Task<RestAuthOutcome> WaitAsync(RemoteServer server, RestAuthRequest request, TimeSpan interval, DateTimeOffset deadline, CancellationToken ct)
    {
        var endpoint = Checked(request.PollingEndpoint, "authorization polling endpoint");
        using var client = http.CreateFor(server, options.Value.OperationTimeout, MaxAnswerBytes);
        while (true)
        {
            var wait = deadline - time.GetUtcNow();
            if (wait <= TimeSpan.Zero) return RestAuthOutcome.Expired;
            await Task.Delay(wait < interval ? wait : interval, time, ct);
            using var response = await SendAsync(client, HttpMethod.Head, endpoint, server, ct);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK: return RestAuthOutcome.Approved;
                case HttpStatusCode.UnprocessableEntity: return RestAuthOutcome.Refused;
                case HttpStatusCode.Accepted: continue;
                default: throw new RemoteServerException($"the authorization polling endpoint answered {(int)response.StatusCode}");
            }
        }
    }

    private Uri Checked(string url, string what)
    {
        var check = http.Check(url);
        return check.IsAllowed ? check.Url : throw new RemoteServerException($"the {what} is not allowed: {check.Refusal}");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, Uri endpoint, RemoteServer server, CancellationToken ct)
    {
        try
        {
            return await client.SendAsync(new HttpRequestMessage(method, endpoint), ct);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw RemoteFailures.Describe(failure, server);
        }
    }
}
