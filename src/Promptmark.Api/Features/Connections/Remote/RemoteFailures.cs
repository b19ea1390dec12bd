using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using Promptmark.Api.Engines.Egress;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>
/// Turns whatever went wrong into a <see cref="RemoteServerException"/> whose message is safe to show: built from
/// status codes and error kinds, never from exception messages that may hold response bodies or addresses.
/// </summary>
internal static class RemoteFailures
{
    private const int MaxServerMessageLength = 300;
    private const int MinRedactedLength = 4;

    public static RemoteServerException TimedOut(TimeSpan timeout) => new($"timed out after {timeout.TotalSeconds:0.#} s");

    public static RemoteServerException Describe(Exception failure, RemoteServer server) =>
        Find<RemoteServerException>(failure) ?? new RemoteServerException(Redact(Reason(failure), server));

    /// <summary>A 404 once the session is open (the SDK surfaces it as HttpRequestException): the server has ended or forgotten the session.</summary>
    public static bool IsSessionExpiry(Exception failure) =>
        failure is HttpRequestException { StatusCode: HttpStatusCode.NotFound }
        || failure is ClientTransportClosedException { Details: HttpClientCompletionDetails { HttpStatusCode: HttpStatusCode.NotFound } };

    /// <summary>Failures that say nothing about the session: the server answered, or the wait was cut short.</summary>
    public static bool LeavesSessionUsable(Exception failure) =>
        failure is McpProtocolException or OperationCanceledException || Find<RemoteServerException>(failure) is not null;

    private static string Reason(Exception failure)
    {
        if (Find<EgressRefusedException>(failure) is { } refusal)
            return refusal.Message;

        return failure switch
        {
            // A JSON-RPC error: the server's own words, which carry none of our secrets unless it echoes them.
            McpProtocolException error => $"the server answered with an error: {Shorten(error.Message)}",
            HttpRequestException { StatusCode: { } status } => $"the server answered {(int)status} {ReasonPhrases.GetReasonPhrase((int)status)}",
            HttpRequestException http => Unreachable(http),
            ClientTransportClosedException => "the server closed the session",
            // Not the caller's token nor the operation's: the HTTP client's own connect or request time limit.
            OperationCanceledException => "the server did not answer in time",
            JsonException => "the server's answer was not valid MCP",
            _ when Find<SocketException>(failure) is not null => "could not reach the server",
            _ when Find<IOException>(failure) is not null => "the connection to the server was lost",
            _ => "the server's answer was not understood",
        };
    }

    private static string Unreachable(HttpRequestException failure) => (failure.HttpRequestError, Find<SocketException>(failure)?.SocketErrorCode) switch
    {
        (_, SocketError.ConnectionRefused) => "could not reach the server (connection refused)",
        (_, SocketError.TimedOut) => "could not reach the server (connection timed out)",
        (HttpRequestError.NameResolutionError, _) or (_, SocketError.HostNotFound or SocketError.NoData)
            => "could not reach the server (host not found)",
        (HttpRequestError.SecureConnectionError, _) => "could not reach the server (TLS handshake failed)",
        (HttpRequestError.ResponseEnded, _) => "the server closed the connection without answering",
        (HttpRequestError.InvalidResponse, _) => "the server's answer was not valid HTTP",
        _ => "could not reach the server",
    };

    private static T? Find<T>(Exception failure) where T : Exception
    {
        for (Exception? current = failure; current is not null; current = current.InnerException)
        {
            if (current is T found)
                return found;
        }
        return null;
    }

    private static string Shorten(string message) =>
        message.Length <= MaxServerMessageLength ? message : message[..MaxServerMessageLength] + "…";

    // Covers a server that echoes a credential back, whole or without its scheme ("Bearer ").
    private static string Redact(string message, RemoteServer server) =>
        server.Headers.Values
            .SelectMany(value => new[] { value, value[(value.IndexOf(' ') + 1)..] })
            .Where(secret => secret.Length >= MinRedactedLength)
            .OrderByDescending(secret => secret.Length)
            .Aggregate(message, (text, secret) => text.Replace(secret, "[redacted]", StringComparison.Ordinal));
}
