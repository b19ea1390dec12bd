using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations.Turns;

[Description("Answer the question a remote tool asked the user during a conversation's turn (MCP elicitation); the answer goes back to the tool and the turn goes on.")]
public sealed record AnswerElicitation : ElicitationReply, ISlice<ElicitationAnswered>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/conversations/{conversation_id}/elicitations/{elicitation_id}").Needs(AccessScope.Execute).MayAnswer(422)
        .Described("accept sends content (checked against the requested schema, 422 names what does not fit), decline or cancel sends none; " +
                   "404 when the conversation's running turn does not wait on that elicitation");

    [Required, Description("The conversation ID")]
    public string ConversationId { get; init; } = "";
}

/// <summary>The answer reached the waiting turn, which goes on; its result arrives where the turn was sent from.</summary>
public sealed record ElicitationAnswered(Guid ConversationId, Guid ElicitationId, string Action);

public static class AnswerElicitationHandler
{
    public static async Task<ElicitationAnswered> Handle(AnswerElicitation command, IQuerySession session, ElicitationWaits waits, CancellationToken ct)
    {
        var conversation = await session.LoadOwnedConversationAsync(command.ConversationId, ct);
        if (conversation.AwaitingInput is not { } pending || !Guid.TryParse(command.ElicitationId, out var id) || id != pending.ElicitationId)
            throw new NotFoundException($"elicitation {command.ElicitationId} awaiting an answer");
        var answer = ElicitationReplies.Checked(command.Action, command.Content, pending.RequestedSchema, ct);
        if (!waits.TryAnswer(pending.ElicitationId, answer))
            throw new NotFoundException($"elicitation {command.ElicitationId} awaiting an answer");
        return new ElicitationAnswered(conversation.Id, pending.ElicitationId, command.Action);
    }
}
