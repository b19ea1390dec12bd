using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Connections.Executions;

/// <summary>
/// A remote tool run from Try-it asks the person (MCP elicitation) with <see cref="Message"/> and a flat form described
/// by <see cref="RequestedSchema"/>; answer it at <c>POST /api/mcp/connections/{connection_id}/elicitations/{elicitation_id}</c>
/// before <see cref="ExpiresAt"/>.
/// </summary>
public sealed record ToolQuestion(Guid ElicitationId, string ToolName, string Message, JsonElement RequestedSchema, DateTimeOffset ExpiresAt);

/// <summary>
/// The questions of the tool streams that wait for an answer, with whose they are: only the connection's owner may
/// answer, while the stream that asked is still open. The wait is the conversations' own
/// (<see cref="ElicitationWaits.Timeout"/>, then <c>cancel</c>).
/// </summary>
public sealed class ToolQuestions(ElicitationWaits waits, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, Asked> asked = new();

    /// <summary>Asks through <paramref name="ask"/> (the stream's event) and waits for the owner's answer.</summary>
    public ElicitationAnswerer For(PreparedCall call, Action<ToolQuestion> ask, CancellationToken stream) => async (request, server) =>
    {
        if (ElicitationReplies.FormOf(request) is not { } schema) return new ElicitResult { Action = ElicitationReplies.Decline };

        var question = new ToolQuestion(Guid.NewGuid(), call.ToolName, request.Message, schema, clock.GetUtcNow() + waits.Timeout);
        using var wait = waits.Open(question.ElicitationId);
        asked[question.ElicitationId] = new Asked(call.TenantId, call.Connection.Id, schema);
        try
        {
            ask(question);
            return await wait.ResultAsync(stream, server);
        }
        finally
        {
            asked.TryRemove(question.ElicitationId, out _);
        }
    };

    /// <summary>
    /// Sends the answer of the tenant to a question their connection's stream waits on: 404 for any other question,
    /// 422 when accepted content does not fit its schema, 409 when it was answered already.
    /// </summary>
    /// <returns>The question's id.</returns>
    public Guid Answer(string tenantId, Guid connectionId, string elicitationId, string action, JsonElement? content, CancellationToken ct)
    {
        if (!Guid.TryParse(elicitationId, out var id) || !asked.TryGetValue(id, out var question) || question.TenantId != tenantId || question.ConnectionId != connectionId)
            throw new NotFoundException($"elicitation {elicitationId} awaiting an answer");
        if (!waits.TryAnswer(id, ElicitationReplies.Checked(action, content, question.RequestedSchema, ct)))
            throw new ConflictException($"elicitation {elicitationId} was answered already");
        return id;
    }

    private sealed record Asked(string TenantId, Guid ConnectionId, JsonElement RequestedSchema);
}
