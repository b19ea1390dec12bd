namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>
/// A time limit on an operation that does not run while the operation waits for the user (an elicitation): the wait
/// has its own bound, and the remote side gets its full time again once the user has answered.
/// </summary>
public sealed class PausableTimeLimit : IDisposable
{
    private readonly CancellationTokenSource limit;
    private readonly TimeSpan timeout;
    private int pauses;

    public PausableTimeLimit(TimeSpan timeout, CancellationToken caller)
    {
        this.timeout = timeout;
        limit = CancellationTokenSource.CreateLinkedTokenSource(caller);
        limit.CancelAfter(timeout);
    }

    /// <summary>Cancelled when the caller cancels or the time runs out.</summary>
    public CancellationToken Token => limit.Token;

    public bool IsExpired => limit.IsCancellationRequested;

    /// <summary>Runs <paramref name="wait"/> with the clock stopped; the clock restarts from zero when the last wait ends.</summary>
    public async ValueTask<T> PausedWhile<T>(Func<ValueTask<T>> wait)
    {
        if (Interlocked.Increment(ref pauses) == 1) limit.CancelAfter(Timeout.InfiniteTimeSpan);
        try
        {
            return await wait();
        }
        finally
        {
            if (Interlocked.Decrement(ref pauses) == 0) Restart();
        }
    }

    private void Restart()
    {
        try
        {
            if (!limit.IsCancellationRequested) limit.CancelAfter(timeout);
        }
        catch (ObjectDisposedException)
        {
            // The operation ended (the server answered without waiting for the user): there is no clock left to restart.
        }
    }

    public void Dispose() => limit.Dispose();
}
