using System.ClientModel;
using System.ClientModel.Primitives;
using System.Security.Cryptography;
using System.Text;
using Anthropic;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Models;
using Promptmark.Api.Engines.Egress;

namespace Promptmark.Api.Engines.Models;

/// <summary>
/// Builds provider clients from the official SDKs (Anthropic's for <c>anthropic</c>, OpenAI's for everything else)
/// over the one guarded socket handler, so every model call obeys the egress rules connections obey. A chat client is
/// built once for an endpoint's settings and model and kept while it is used (building its pipeline and HttpClient cost
/// more than the rest of a call's own work); the key holds every setting, so a changed URL or key builds anew at once.
/// </summary>
public sealed class ModelClients(EgressOptions egress, IMemoryCache cache) : IDisposable
{
    /// <summary>Bounds one request to a provider; a long streamed answer must fit in it.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(5);

    // Local servers such as Ollama take no key, but the OpenAI SDK insists on one; they ignore this placeholder.
    private const string NoKey = "no-key";

    private readonly SocketsHttpHandler guardedSockets = EgressGuard.CreateHandler(egress);
    private readonly ConnectionUrlPolicy urlPolicy = new(egress);

    /// <summary>How long a built client is kept after its last call.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(10);

    /// <exception cref="EgressRefusedException">The base URL is not one outbound calls may go to.</exception>
    public IChatClient ChatClient(ProviderEndpoint endpoint, string model) => Cached(endpoint, model, hostedTools: false, () => endpoint.Kind == ProviderKinds.Anthropic
        ? Anthropic(endpoint).AsIChatClient(model)
        : new ChatClient(model, Credential(endpoint), OpenAi(endpoint)).AsIChatClient());

    /// <summary>
    /// <see cref="ChatClient"/> for a call that passes the provider's built-in tools: OpenAI's own API is then reached through
    /// its Responses API, which has them (web search, code interpreter); Chat Completions, which every other OpenAI-speaking
    /// provider answers, has none.
    /// </summary>
    /// <remarks>OPENAI001: the SDK marks its Responses client as subject to change; the package versions are pinned.</remarks>
#pragma warning disable OPENAI001
    public IChatClient HostedToolsChatClient(ProviderEndpoint endpoint, string model) => endpoint.Kind == ProviderKinds.OpenAi
        ? Cached(endpoint, model, hostedTools: true, () => new OpenAIClient(Credential(endpoint), OpenAi(endpoint)).GetResponsesClient().AsIChatClient(model))
        : ChatClient(endpoint, model);
#pragma warning restore OPENAI001

    /// <summary>The model names the provider offers (its <c>GET /v1/models</c>), sorted.</summary>
    public async Task<IReadOnlyList<string>> ListModelsAsync(ProviderEndpoint endpoint, CancellationToken ct)
    {
        var names = new List<string>();
        if (endpoint.Kind == ProviderKinds.Anthropic)
        {
            var page = await Anthropic(endpoint).Models.List(cancellationToken: ct);
            await foreach (var model in page.Paginate(ct))
                names.Add(model.ID);
        }
        else
        {
            var models = await new OpenAIModelClient(Credential(endpoint), OpenAi(endpoint)).GetModelsAsync(ct);
            names.AddRange(models.Value.Select(model => model.Id));
        }
        return names.Order(StringComparer.Ordinal).ToList();
    }

    private IChatClient Cached(ProviderEndpoint endpoint, string model, bool hostedTools, Func<IChatClient> build)
    {
        var key = new ClientKey(endpoint.Kind, endpoint.BaseUrl.OriginalString, Fingerprint(endpoint.ApiKey), model, hostedTools);
        // A refused URL throws from build and leaves nothing cached.
        return cache.GetOrCreate(key, entry =>
        {
            entry.SlidingExpiration = IdleLifetime;
            return build();
        })!;
    }

    // The cache key carries the API key only as its SHA-256, so nothing that prints a key can show it.
    private static string? Fingerprint(string? apiKey) => apiKey is null ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    private sealed record ClientKey(string Kind, string BaseUrl, string? KeyFingerprint, string Model, bool HostedTools);

    private AnthropicClient Anthropic(ProviderEndpoint endpoint) => new()
    {
        BaseUrl = Checked(endpoint).ToString().TrimEnd('/'),
        ApiKey = endpoint.ApiKey,
        HttpClient = Http(),
        // A refused or rate-limited call is reported to the user at once rather than retried on their budget.
        MaxRetries = 0,
        Timeout = RequestTimeout,
    };

    private OpenAIClientOptions OpenAi(ProviderEndpoint endpoint) => new()
    {
        Endpoint = Checked(endpoint),
        Transport = new HttpClientPipelineTransport(Http()),
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        NetworkTimeout = RequestTimeout,
    };

    private static ApiKeyCredential Credential(ProviderEndpoint endpoint) => new(endpoint.ApiKey ?? NoKey);

    private Uri Checked(ProviderEndpoint endpoint)
    {
        var check = urlPolicy.Check(endpoint.BaseUrl.OriginalString);
        return check.IsAllowed ? check.Url : throw new EgressRefusedException(check.Refusal);
    }

    // The SDKs enforce their own timeouts; the shared handler outlives each client.
    private HttpClient Http() => new(guardedSockets, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    public void Dispose() => guardedSockets.Dispose();
}
