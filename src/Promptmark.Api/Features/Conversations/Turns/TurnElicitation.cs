using System.Text.Json;
using Marten;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Features.Connections.Remote;

namespace Promptmark.Api.Features.Conversations.Turns;

/// <summary>
/// A remote tool of the running turn asks the user for input (MCP elicitation) with <see cref="Message"/> and a flat
/// form described by <see cref="RequestedSchema"/>; answer it at <c>POST /api/conversations/{id}/elicitations/{elicitation_id}</c>
/// before <see cref="ExpiresAt"/>.
/// </summary>
public sealed record PendingInput(Guid ElicitationId, string CallId, string ToolName, string Message, JsonElement RequestedSchema, DateTimeOffset ExpiresAt);

/// <summary>
/// MCP elicitation inside a turn: the question is stored on the conversation at once (a reload shows it) and sent to a
/// stream, then the call waits for the user's answer, up to <see cref="ElicitationWaits.Timeout"/>
/// and no longer than the turn; a wait that runs out is answered <c>cancel</c>. The answer goes back to the remote
/// server, whose tool result then reflects it.
/// </summary>
internal sealed class TurnElicitation(TurnRunner runner, IDocumentSession session, Conversation conversation, TurnStream? stream)
{
    public async ValueTask<ElicitResult> AnswerAsync(MessageToolCall call, ElicitRequestParams request, CancellationToken turn, CancellationToken server)
    {
        if (ElicitationReplies.FormOf(request) is not { } schema) return new ElicitResult { Action = ElicitationReplies.Decline };

        var pending = new PendingInput(Guid.NewGuid(), call.CallId, call.ToolName ?? call.Name, request.Message, schema, runner.Clock.GetUtcNow() + runner.ElicitationTimeout);
        using var wait = runner.Elicitations.Open(pending.ElicitationId);
        await RecordAsync(pending);
        stream?.Elicitation(pending);
        try
        {
            return await wait.ResultAsync(turn, server);
        }
        finally
        {
            await RecordAsync(null);
        }
    }

    private Task RecordAsync(PendingInput? pending)
    {
        conversation.AwaitingInput = pending;
        return runner.RecordWaitAsync(session, conversation.Id, c => c.AwaitingInput, pending);
    }
}
