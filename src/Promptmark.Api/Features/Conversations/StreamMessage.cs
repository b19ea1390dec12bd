using Marten;
using Promptmark.Api.Features.Conversations.Turns;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations;

/// <summary>The stream route's step: <see cref="SendMessage"/>'s send, with each step of the turn sent to <paramref name="Stream"/> as it happens.</summary>
public sealed record StreamMessage(SendMessage Request, TurnStream Stream) : ISliceStep;

public static class StreamMessageHandler
{
    public static Task<SentMessage> Handle(StreamMessage message, IDocumentSession session, TurnRunner turns, TemplateLimit limit, CancellationToken ct) =>
        SendMessageHandler.SendAsync(message.Request, session, turns, limit, message.Stream, ct);
}

/// <summary><see cref="SendMessage"/> answered as Server-Sent Events (<see cref="TurnStreamEndpoint{TRequest}"/>).</summary>
public sealed class StreamMessageEndpoint(SliceInvoker invoker) : TurnStreamEndpoint<SendMessage>(invoker)
{
    public const string Route = "/api/conversations/{conversation_id}/messages/stream";
    public const string OperationId = "streamMessage";

    public static readonly DocumentedRequest Documentation = new(OperationId, typeof(SendMessage), SliceBinding.Post(Route));

    public override void Configure() =>
        Streams(Route, OperationId, "Send a message and stream the turn as Server-Sent Events: text, tool_call, authorization, elicitation, tool_result, usage, then done or error");

    protected override ISliceStep Streamed(SendMessage accepted, TurnStream stream) => new StreamMessage(accepted, stream);
}
