using FastEndpoints;
using Promptmark.Api.Features.Connections.Executions;
using Promptmark.Api.Features.Conversations.Turns;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations;

/// <summary>
/// A turn answered as Server-Sent Events: <c>text</c> pieces as the model writes them, <c>tool_call</c>, <c>authorization</c>,
/// <c>elicitation</c>, <c>tool_result</c> (with its scan findings) and <c>usage</c> per model call, then <c>done</c> with the
/// body the plain route answers, or <c>error</c> with problem details. A refusal before the first event is a plain problem
/// response. The turn is stored when it ends, as the plain route stores it, or not at all: on an error, or when the client
/// leaves (the provider call is cancelled).
/// </summary>
public abstract class TurnStreamEndpoint<TRequest>(SliceInvoker invoker) : Endpoint<TRequest> where TRequest : notnull
{
    /// <summary>The plain route's request, once accepted, as the step that runs its turn into <paramref name="stream"/>.</summary>
    protected abstract ISliceStep Streamed(TRequest accepted, TurnStream stream);

    protected void Streams(string route, string operationId, string summary)
    {
        Post(route);
        Description(r => r
            .WithName(operationId).WithTags("Conversations")
            .WithSummary(summary)
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway), clearDefaults: true);
    }

    public override async Task HandleAsync(TRequest request, CancellationToken ct)
    {
        var stream = new TurnStream();
        var writing = HttpContext.Response.WriteEventsAsync(stream.Reader, ct);
        try
        {
            var sent = await invoker.InvokeAsync<TRequest, SentMessage>(request, User, SliceDoor.Rest, accepted => Streamed(accepted, stream), ct);
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
