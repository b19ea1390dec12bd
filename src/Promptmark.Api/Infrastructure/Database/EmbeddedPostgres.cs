namespace Promptmark.Api.Infrastructure.Database;
// TEMPORARY placeholder until the helper's implementation is merged
public sealed class EmbeddedPostgresOptions { public required string DataDirectory { get; init; } public bool Durable { get; init; } = true; public string Database { get; init; } = "promptmark"; }
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    public static Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, ILogger logger, CancellationToken ct = default) => throw new NotSupportedException();
    public string ConnectionString => "";
    public Task StopAsync() => Task.CompletedTask;
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
