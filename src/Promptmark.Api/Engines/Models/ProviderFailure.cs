using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using Anthropic.Exceptions;
using Promptmark.Api.Engines.Egress;

namespace Promptmark.Api.Engines.Models;

/// <summary>
/// Why a provider call failed, in words safe to show: the provider's status and its own message, or that it could not
/// be reached or was refused by the egress rules, and, when the SDK exposes it (OpenAI's does, Anthropic's does not),
/// how long a rate limit asked us to wait. Neither SDK puts the key in its exceptions, and nothing here adds it.
/// </summary>
/// <param name="Status">The provider's HTTP status, or null when no answer came back.</param>
public sealed record ProviderFailure(int? Status, string Message, TimeSpan? RetryAfter)
{
    /// <returns>Null when <paramref name="failure"/> is not about reaching or hearing from the provider.</returns>
    public static ProviderFailure? From(string provider, Exception failure)
    {
        var chain = Chain(failure).ToList();
        if (chain.OfType<EgressRefusedException>().FirstOrDefault() is { } refused)
            return new ProviderFailure(null, $"{provider}: {refused.Message}", null);
        if (chain.OfType<ClientResultException>().FirstOrDefault(e => e.Status > 0) is { } openAi)
            return Answered(provider, openAi.Status, OpenAiMessage(openAi), RetryAfterOf(openAi.GetRawResponse()));
        if (chain.OfType<AnthropicApiException>().FirstOrDefault() is { } anthropic)
            return Answered(provider, (int)anthropic.StatusCode, anthropic.ApiMessage ?? anthropic.Message, null);
        return chain.Any(e => e is HttpRequestException or System.Net.Sockets.SocketException)
            ? new ProviderFailure(null, $"{provider} could not be reached.", null)
            : null;
    }

    // A refused key's message may quote part of the key (OpenAI's does), so it is replaced rather than passed on.
    private static ProviderFailure Answered(string provider, int status, string message, TimeSpan? retryAfter) =>
        new(status, $"{provider} answered {status}: {(status is 401 or 403 ? "the API key was refused" : message)}", retryAfter);

    /// <summary>The error.message of the body, which the SDK's own message wraps in its status line.</summary>
    private static string OpenAiMessage(ClientResultException failure)
    {
        try
        {
            using var body = JsonDocument.Parse(failure.GetRawResponse()?.Content ?? BinaryData.Empty);
            return body.RootElement.GetProperty("error").GetProperty("message").GetString() ?? failure.Message;
        }
        catch (Exception unreadable) when (unreadable is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return failure.Message;
        }
    }

    private static IEnumerable<Exception> Chain(Exception failure)
    {
        for (var current = failure; current is not null; current = current.InnerException)
            yield return current;
    }

    private static TimeSpan? RetryAfterOf(PipelineResponse? response) =>
        response is not null && response.Headers.TryGetValue("Retry-After", out var seconds) && int.TryParse(seconds, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value)
            : null;
}
