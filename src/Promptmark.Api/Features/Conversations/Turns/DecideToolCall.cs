using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations.Turns;

[Description("Approve or deny the tool call a conversation's turn paused at (its tool's policy is ask); the turn then goes on.")]
public sealed record DecideToolCall : PrivateInput, ISlice<SentMessage>, IValidated
{
    public const string Approve = "approve", Deny = "deny";

    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/conversations/{conversation_id}/tool-calls/{call_id}/{decision}").Needs(AccessScope.Execute).MayAnswer(422, 502)
        .Described("approve runs the call the turn waits on, deny tells the model it was denied; then the model goes on. Answers like " +
                   "send_message (404 when that call is not awaiting approval)");

    [Required, Description("The conversation ID")]
    public string ConversationId { get; init; } = "";

    [Required, Description("The id of the tool call awaiting approval")]
    public string CallId { get; init; } = "";

    [Required, Description("approve or deny")]
    public string Decision { get; init; } = "";

    public void Validate(InputErrors errors) => errors.When(Decision is not (Approve or Deny), "decision", $"must be {Approve} or {Deny}");
}

public static class DecideToolCallHandler
{
    public static Task<SentMessage> Handle(DecideToolCall command, IDocumentSession session, TurnRunner turns, CancellationToken ct) =>
        DecideAsync(command, session, turns, null, ct);

    public static async Task<SentMessage> DecideAsync(DecideToolCall command, IDocumentSession session, TurnRunner turns, TurnStream? stream, CancellationToken ct) =>
        await turns.ResumeAsync(session, await session.LoadOwnedConversationAsync(command.ConversationId, ct), command.CallId,
            command.Decision == DecideToolCall.Approve ? ToolDecisions.Approved : ToolDecisions.Denied, stream, ct);
}
