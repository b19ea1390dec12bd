using System.Threading.Channels;
using FastEndpoints;
using Promptmark.Api.Features.Connections.Executions;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.PlaybookExecutions.Progress;

/// <summary>
/// A run's progress as Server-Sent Events (see <see cref="RunProgress"/> for the events), for the web app's run view: the
/// run as it stands first, so that a late subscriber misses nothing, then each change as it is committed, whichever server's
/// queue handler made it, and while a model step runs on this server, its text piece by piece (<see cref="StepDelta"/>). The
/// stream ends after the run's last event, or when the client leaves; a run that is not the caller's is a plain 404 before
/// any event.
/// </summary>
public sealed class PlaybookExecutionEvents(SliceInvoker invoker) : Endpoint<GetPlaybookExecution>
{
    public const string Route = "/api/playbook-executions/{execution_id}/events";
    public const string OperationId = "streamPlaybookExecution";

    public static readonly DocumentedRequest Documentation = new(OperationId, typeof(GetPlaybookExecution), SliceBinding.Get(Route));

    public override void Configure()
    {
        Get(Route);
        Description(route => route
            .WithName(OperationId).WithTags("PlaybookExecutions")
            .WithSummary("Follow a run as Server-Sent Events: snapshot, then resumed, step_started, step_delta (a model step's text as it is written, only from the server running the step), step_done, paused, awaiting_input, and last done, failed, cancelled or expired")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound), clearDefaults: true);
    }

    public override async Task HandleAsync(GetPlaybookExecution request, CancellationToken ct)
    {
        var events = Channel.CreateUnbounded<ServerSentEvent>(new UnboundedChannelOptions { SingleReader = true });
        var writing = HttpContext.Response.WriteEventsAsync(events.Reader, ct);
        try
        {
            await invoker.InvokeAsync<GetPlaybookExecution, int>(request, User, SliceDoor.Rest, accepted => new WatchPlaybookExecution(accepted, events.Writer), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            events.Writer.TryComplete();
            await writing;
        }
    }
}
