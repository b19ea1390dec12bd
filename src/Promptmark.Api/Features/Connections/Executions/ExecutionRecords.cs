using System.Threading.Channels;
using Marten;

namespace Promptmark.Api.Features.Connections.Executions;

/// <summary>
/// Writes execution records with group commit: records of calls finishing at the same time (any users') go to
/// PostgreSQL in one transaction, each under its own tenant, so concurrent executions share round trips and WAL flushes
/// instead of committing one by one. <see cref="WriteAsync"/> completes only once its record is committed, so a call
/// answered is a call recorded, even if the process is killed right after.
/// </summary>
public sealed class ExecutionRecords : IAsyncDisposable
{
    /// <summary>Bounds one transaction; more waiting records go in the next one.</summary>
    public const int MaxPerTransaction = 64;

    private readonly Channel<PendingRecord> pending = Channel.CreateUnbounded<PendingRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDocumentStore store;
    private readonly Task writing;

    public ExecutionRecords(IDocumentStore store)
    {
        this.store = store;
        writing = WriteBatchesAsync();
    }

    /// <summary>Not cancellable: the caller may be gone, and the record is written regardless.</summary>
    public Task WriteAsync(string tenantId, McpExecution record)
    {
        var written = new PendingRecord(tenantId, record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return pending.Writer.TryWrite(written) ? written.Committed.Task : throw new ObjectDisposedException(nameof(ExecutionRecords));
    }

    /// <summary>Writes what is still waiting, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await writing;
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<PendingRecord>(MaxPerTransaction);
        while (await pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxPerTransaction && pending.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                await using var session = store.LightweightSession();
                foreach (var record in batch) session.ForTenant(record.TenantId).Store(record.Record);
                await session.SaveChangesAsync(CancellationToken.None);
                foreach (var record in batch) record.Committed.TrySetResult();
            }
            catch (Exception failure)
            {
                foreach (var record in batch) record.Committed.TrySetException(failure);
            }
            batch.Clear();
        }
    }

    private sealed record PendingRecord(string TenantId, McpExecution Record, TaskCompletionSource Committed);
}
