namespace Promptmark.Api.Tests.Support;

/// <summary>
/// The one bound on what a test waits for: a server, an event, a call. xunit v3 gives tests no timeout by default
/// (its <c>Timeout</c> is per test and unreliable with parallel collections), so waits go through here and a hang
/// fails the test with what it was waiting for instead of stalling the run. A bound, not a timing assertion: it is
/// far beyond anything a healthy run needs.
/// </summary>
public static class Waits
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static Task Bounded(this Task task) => task.WaitAsync(Bound, TestContext.Current.CancellationToken);

    public static Task<T> Bounded<T>(this Task<T> task) => task.WaitAsync(Bound, TestContext.Current.CancellationToken);

    public static Task<T> Bounded<T>(this ValueTask<T> task) => task.AsTask().Bounded();

    /// <summary>Polls <paramref name="condition"/> until it holds; fails naming <paramref name="what"/> past the bound.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(Bound);
        while (!condition())
        {
            if (bound.IsCancellationRequested) throw new TimeoutException($"Waited {Bound.TotalSeconds:0} s for {what}.");
            await Task.Delay(10, CancellationToken.None);
        }
    }
}
