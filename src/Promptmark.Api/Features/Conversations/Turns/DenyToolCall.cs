using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations.Turns;

[Description("Deny a tool call the conversation's turn paused at (its tool's policy is ask): the model is told it was denied and the turn goes on.")]
public sealed record DenyToolCall : PrivateInput, ISlice<SentMessage>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/conversations/{conversation_id}/tool-calls/{call_id}/deny").MayAnswer(422, 502)
        .Described("Refuse the call the turn waits on, then let the model go on; answers like send_message (404 when that call is not awaiting approval)");

    [Required, Description("The conversation ID")]
    public string ConversationId { get; init; } = "";

    [Required, Description("The id of the tool call awaiting approval")]
    public string CallId { get; init; } = "";
}

public static class DenyToolCallHandler
{
    public static async Task<SentMessage> Handle(DenyToolCall command, IDocumentSession session, TurnRunner turns, CancellationToken ct) =>
        await turns.ResumeAsync(session, await session.LoadOwnedConversationAsync(command.ConversationId, ct), command.CallId, ToolDecisions.Denied, ct);
}
