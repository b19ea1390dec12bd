using ModelContextProtocol.Client;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>One open MCP client session, the HttpClient under it, and how busy it is.</summary>
internal sealed class RemoteSession(McpClient client, HttpClient http, string revision, TimeProvider time) : IAsyncDisposable
{
    private int operationsInFlight;
    private long lastUsed = time.GetTimestamp();

    public McpClient Client => client;

    public string Revision => revision;

    /// <summary>The SDK completes this when the transport is gone, e.g. after a 404 for the session id.</summary>
    public bool HasEnded => client.Completion.IsCompleted;

    public void Enter()
    {
        Interlocked.Increment(ref operationsInFlight);
        Volatile.Write(ref lastUsed, time.GetTimestamp());
    }

    public void Exit()
    {
        Volatile.Write(ref lastUsed, time.GetTimestamp());
        Interlocked.Decrement(ref operationsInFlight);
    }

    public bool IsIdleFor(TimeSpan idleTimeout) =>
        Volatile.Read(ref operationsInFlight) == 0 && time.GetElapsedTime(Volatile.Read(ref lastUsed)) > idleTimeout;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await client.DisposeAsync();
        }
        finally
        {
            http.Dispose();
        }
    }
}

/// <summary>
/// The place of one connection's session in the pool. Slots are never removed, so a waiter on <see cref="Gate"/>
/// can never find its slot replaced by another.
/// </summary>
internal sealed class SessionSlot
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public RemoteSession? Session { get; set; }

    /// <summary>Kept with the slot, not the session, so that a call outlives a session renewed under it.</summary>
    public CallsInFlight Calls { get; } = new();
}
