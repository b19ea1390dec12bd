using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations.Turns;

/// <summary>The decision stream route's step: <see cref="DecideToolCall"/>, with each step of the resumed turn sent to <paramref name="Stream"/> as it happens.</summary>
public sealed record StreamDecision(DecideToolCall Request, TurnStream Stream) : ISliceStep;

public static class StreamDecisionHandler
{
    public static Task<SentMessage> Handle(StreamDecision message, IDocumentSession session, TurnRunner turns, CancellationToken ct) =>
        DecideToolCallHandler.DecideAsync(message.Request, session, turns, message.Stream, ct);
}

/// <summary><see cref="DecideToolCall"/> answered as Server-Sent Events (<see cref="TurnStreamEndpoint{TRequest}"/>): the resumed turn streams as a sent one does.</summary>
public sealed class StreamDecisionEndpoint(SliceInvoker invoker) : TurnStreamEndpoint<DecideToolCall>(invoker)
{
    public const string Route = "/api/conversations/{conversation_id}/tool-calls/{call_id}/{decision}/stream";
    public const string OperationId = "streamToolCallDecision";

    public static readonly DocumentedRequest Documentation = new(OperationId, typeof(DecideToolCall), SliceBinding.Post(Route));

    public override void Configure() =>
        Streams(Route, OperationId, "Approve or deny the tool call a turn paused at and stream the resumed turn as Server-Sent Events, as the message stream does");

    protected override ISliceStep Streamed(DecideToolCall accepted, TurnStream stream) => new StreamDecision(accepted, stream);
}
