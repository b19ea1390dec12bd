using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections.Executions;

[Description("Answer the question a remote tool asked while it runs in a tool stream (Try-it, MCP elicitation); the answer goes back to the tool, whose result then arrives on the stream.")]
public sealed record AnswerToolQuestion : ElicitationReply, ISlice<ToolQuestionAnswered>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/mcp/connections/{connection_id}/elicitations/{elicitation_id}").Needs(AccessScope.Execute).MayAnswer(409, 422)
        .Described("accept sends content (checked against the requested schema, 422 names what does not fit), decline or cancel sends none; " +
                   "404 when no open tool stream of the connection waits on that elicitation, 409 when it was answered already");

    [Required, Description("ID of the MCP connection whose tool asked")]
    public string ConnectionId { get; init; } = "";
}

/// <summary>The answer reached the waiting tool; its result arrives on the stream that asked.</summary>
public sealed record ToolQuestionAnswered(Guid ConnectionId, Guid ElicitationId, string Action);

public static class AnswerToolQuestionHandler
{
    public static async Task<ToolQuestionAnswered> Handle(AnswerToolQuestion command, IQuerySession session, ToolQuestions questions, CancellationToken ct)
    {
        var connection = await session.LoadConnectionAsync(command.ConnectionId, ct);
        var id = questions.Answer(session.TenantId, connection.Id, command.ElicitationId, command.Action, command.Content, ct);
        return new ToolQuestionAnswered(connection.Id, id, command.Action);
    }
}
