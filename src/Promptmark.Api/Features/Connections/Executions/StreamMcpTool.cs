using FastEndpoints;
using ModelContextProtocol;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections.Executions;

/// <summary>
/// Runs a tool like <see cref="ExecuteMcpTool"/> but answers Server-Sent Events: a <c>progress</c> event for each
/// progress notification the remote server sends, an <c>elicitation</c> event for each question its tool asks the person
/// (answered at <see cref="AnswerToolQuestion"/>; the call waits for it), then one <c>result</c> event (or one <c>error</c> event with
/// problem details). Checks that fail before the call starts are plain problem responses.
/// </summary>
public sealed class StreamMcpTool(SliceInvoker invoker, ToolExecutor executor, ToolQuestions questions) : Endpoint<ExecuteMcpTool>
{
    public const string Route = "/api/mcp/connections/{connection_id}/tools/{tool_name}/stream";
    public const string OperationId = "streamMcpTool";

    public static readonly DocumentedRequest Documentation = new(OperationId, typeof(ExecuteMcpTool), SliceBinding.Post(Route));

    public override void Configure()
    {
        Post(Route);
        Description(route => route
            .WithName(OperationId).WithTags("Connections")
            .WithSummary("Execute a tool with SSE streaming: progress and elicitation events as they arrive, then the result")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity), clearDefaults: true);
    }

    public override async Task HandleAsync(ExecuteMcpTool request, CancellationToken ct)
    {
        var call = await invoker.InvokeAsync<ExecuteMcpTool, PreparedCall>(request, User, SliceDoor.Rest, accepted => new PrepareToolCall(accepted), ct);

        var events = new StreamEvents();
        var writing = HttpContext.Response.WriteEventsAsync(events.Reader, ct);
        try
        {
            var result = await executor.RunAsync(call, ExecutionVia.Stream, events.Progress, questions.For(call, events.Question, ct), ct);
            events.End("result", result);
        }
        catch (Exception exception) when (ProblemResponses.Unwrap(exception) is SliceException failure)
        {
            events.End("error", ProblemResponses.ToProblem(failure));
        }
        finally
        {
            events.Complete();
            await writing;
        }
    }
}
