using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations.Turns;

[Description("Approve a tool call the conversation's turn paused at (its tool's policy is ask): the call runs and the turn goes on.")]
public sealed record ApproveToolCall : PrivateInput, ISlice<SentMessage>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/conversations/{conversation_id}/tool-calls/{call_id}/approve").MayAnswer(422, 502)
        .Described("Run the call the turn waits on, then let the model go on; answers like send_message (404 when that call is not awaiting approval)");

    [Required, Description("The conversation ID")]
    public string ConversationId { get; init; } = "";

    [Required, Description("The id of the tool call awaiting approval")]
    public string CallId { get; init; } = "";
}

public static class ApproveToolCallHandler
{
    public static async Task<SentMessage> Handle(ApproveToolCall command, IDocumentSession session, TurnRunner turns, CancellationToken ct) =>
        await turns.ResumeAsync(session, await session.LoadOwnedConversationAsync(command.ConversationId, ct), command.CallId, ToolDecisions.Approved, ct);
}
