using FastEndpoints;
using Marten;
using Promptmark.Api.Features.Connections.Executions;
using Promptmark.Api.Features.Conversations.Turns;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations;

/// <summary>The stream route's step: <see cref="SendMessage"/>'s send, with each step of the turn sent to <paramref name="Stream"/> as it happens.</summary>
public sealed record StreamMessage(SendMessage Request, TurnStream Stream) : ISliceStep;

public static class StreamMessageHandler
{
    public static Task<SentMessage> Handle(StreamMessage message, IDocumentSession session, TurnRunner turns, TemplateLimit limit, CancellationToken ct) =>
        SendMessageHandler.SendAsync(message.Request, session, turns, limit, message.Stream, ct);
}

/// <summary>
/// <see cref="SendMessage"/> answered as Server-Sent Events: <c>text</c> pieces as the model writes them, <c>tool_call</c>,
/// <c>tool_result</c> (with its scan findings) and <c>usage</c> per model call, then <c>done</c> with the body the plain route
/// answers, or <c>error</c> with problem details. A refusal before the first event is a plain problem response. The turn is
/// stored when it ends, as the plain route stores it, or not at all: on an error, or when the client leaves (the provider
/// call is cancelled).
/// </summary>
public sealed class StreamMessageEndpoint(SliceInvoker invoker) : Endpoint<SendMessage>
{
    public const string Route = "/api/conversations/{conversation_id}/messages/stream";
    public const string OperationId = "streamMessage";

    public static readonly DocumentedRequest Documentation = new(OperationId, typeof(SendMessage), SliceBinding.Post(Route));

    public override void Configure()
    {
        Post(Route);
        Description(route => route
            .WithName(OperationId).WithTags("Conversations")
            .WithSummary("Send a message and stream the turn as Server-Sent Events: text, tool_call, authorization, tool_result, usage, then done or error")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway), clearDefaults: true);
    }

    public override async Task HandleAsync(SendMessage request, CancellationToken ct)
    {
        var stream = new TurnStream();
        var writing = HttpContext.Response.WriteEventsAsync(stream.Reader, ct);
        try
        {
            var sent = await invoker.InvokeAsync<SendMessage, SentMessage>(request, User, SliceDoor.Rest, accepted => new StreamMessage(accepted, stream), ct);
            stream.End("done", sent);
        }
        catch (Exception exception) when (stream.Started && ProblemResponses.Unwrap(exception) is SliceException failure)
        {
            stream.End("error", ProblemResponses.ToProblem(failure));
        }
        finally
        {
            stream.Complete();
            await writing;
        }
    }
}
