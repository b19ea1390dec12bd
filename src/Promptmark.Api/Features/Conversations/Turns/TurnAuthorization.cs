using Marten;
using Promptmark.Api.Features.Connections.Remote;

namespace Promptmark.Api.Features.Conversations.Turns;

/// <summary>
/// The civic:rest-auth flow inside a turn: a tool result asked the user to authorize a service, so the call waits while
/// the authorization card is shown (stored on the conversation at once, so a reload shows it, and sent to a stream) and
/// the hub is polled, up to <see cref="ConversationOptions.AuthorizationTimeoutSeconds"/>. The URL is the user's to open;
/// Promptmark never requests it.
/// </summary>
internal sealed class TurnAuthorization(TurnRunner runner, IDocumentSession session, Conversation conversation, TurnStream? stream)
{
    /// <returns>null once the user has authorized; else why the call cannot go on, for the model.</returns>
    public async Task<string?> AwaitAsync(MessageToolCall call, RemoteServer server, RestAuthRequest request, int step, CancellationToken ct)
    {
        Uri url;
        try
        {
            url = await runner.RestAuth.AuthorizationUrlAsync(server, request, ct);
        }
        catch (RemoteServerException failure)
        {
            return $"The tool needs an authorization that Promptmark cannot show: {failure.Message}.";
        }

        var timeout = runner.AuthorizationTimeout;
        var pending = new PendingAuthorization(call.CallId, call.ToolName ?? call.Name, url.AbsoluteUri, runner.Clock.GetUtcNow() + timeout, step);
        await RecordAsync(pending);
        stream?.Authorization(pending);
        try
        {
            return await runner.RestAuth.WaitAsync(server, request, runner.AuthorizationPollInterval, pending.ExpiresAt, ct) switch
            {
                RestAuthOutcome.Approved => null,
                RestAuthOutcome.Refused => "The authorization failed or was refused, so the call was not completed.",
                _ => $"The user did not authorize within {timeout.TotalSeconds:N0} s, so the call was cancelled; they can retry by sending another message.",
            };
        }
        catch (RemoteServerException failure)
        {
            return $"Waiting for the authorization failed: {failure.Message}.";
        }
        finally
        {
            await RecordAsync(null);
        }
    }

    private Task RecordAsync(PendingAuthorization? pending)
    {
        conversation.AwaitingAuthorization = pending;
        return runner.RecordWaitAsync(session, conversation.Id, c => c.AwaitingAuthorization, pending);
    }
}
