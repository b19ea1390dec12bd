using ModelContextProtocol.Protocol;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>Answers an <c>elicitation/create</c> that a remote server sends while the caller's tool call runs.</summary>
public delegate ValueTask<ElicitResult> ElicitationAnswerer(ElicitRequestParams request, CancellationToken ct);

/// <summary>
/// The tool calls in flight on one connection's session. MCP does not say which call an elicitation belongs to (over
/// Streamable HTTP only the response stream that carried it does, and the SDK does not pass that on), so a request is
/// routed to a caller only when exactly one call is in flight and that caller can ask the user; any other request is
/// declined at once, so that no call waits for an answer nobody can give.
/// </summary>
internal sealed class CallsInFlight
{
    public const string Decline = "decline";

    private readonly Lock gate = new();
    private readonly List<Call> calls = [];

    public IDisposable Enter(ElicitationAnswerer? answerer)
    {
        var call = new Call(this, answerer);
        lock (gate) calls.Add(call);
        return call;
    }

    public ValueTask<ElicitResult> AnswerAsync(ElicitRequestParams? request, CancellationToken ct)
    {
        ElicitationAnswerer? answerer;
        lock (gate) answerer = calls.Count == 1 ? calls[0].Answerer : null;
        return answerer is not null && request is not null ? answerer(request, ct) : ValueTask.FromResult(new ElicitResult { Action = Decline });
    }

    private sealed class Call(CallsInFlight owner, ElicitationAnswerer? answerer) : IDisposable
    {
        public ElicitationAnswerer? Answerer => answerer;

        public void Dispose()
        {
            lock (owner.gate) owner.calls.Remove(this);
        }
    }
}
