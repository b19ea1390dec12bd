using System.Collections.Concurrent;
using Marten;
using Npgsql;

namespace Promptmark.Api.Infrastructure.Database;

/// <summary>
/// Short messages between every Promptmark instance on one database, this one included, over PostgreSQL
/// <c>LISTEN/NOTIFY</c>: "this user's prompt list changed", "this sign-in session ended". A sender does not know
/// which instance holds the MCP session or the cached entry concerned, so every instance hears every signal.
/// <para>
/// A signal sent while an instance is not listening (its connection dropped) is lost to it, so a cache built on
/// signals must not be trusted then: <see cref="IsListening"/> says when it may be, and every
/// <see cref="OnReconnected"/> handler runs when listening resumes, so that such caches start over.
/// </para>
/// </summary>
public sealed class InstanceSignals(DatabaseConnection database, ILogger<InstanceSignals> logger) : IHostedService, IAsyncDisposable
{
    public const string Channel = "promptmark_signals";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Action<string>> _handlers = new();
    private readonly ConcurrentBag<Action> _reconnected = [];
    private readonly CancellationTokenSource _stopping = new();
    private NpgsqlDataSource? _senders;
    private Task _listening = Task.CompletedTask;
    private volatile bool _isListening;

    /// <summary>True while this instance hears every signal sent.</summary>
    public bool IsListening => _isListening;

    /// <summary>Runs <paramref name="handler"/> with the payload of every <paramref name="kind"/> signal, from any instance.</summary>
    public void On(string kind, Action<string> handler)
    {
        if (!_handlers.TryAdd(kind, handler)) throw new InvalidOperationException($"Signal '{kind}' already has a handler.");
    }

    /// <summary>Runs <paramref name="handler"/> whenever listening resumes after signals may have been missed.</summary>
    public void OnReconnected(Action handler) => _reconnected.Add(handler);

    /// <summary>Sends <paramref name="payload"/> to every instance's <paramref name="kind"/> handler (this instance's too).</summary>
    public async Task SendAsync(string kind, string payload, CancellationToken ct)
    {
        await using var command = _senders!.CreateCommand("select pg_notify($1, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = Channel });
        command.Parameters.Add(new NpgsqlParameter { Value = $"{kind} {payload}" });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Sends the signal when <paramref name="session"/> commits, in its transaction: sent if and only if the change is made.</summary>
    public static void SendOnCommit(IDocumentSession session, string kind, string payload) =>
        session.QueueSqlCommand("select pg_notify(?, ?)", Channel, $"{kind} {payload}");

    /// <summary>Returns once listening, so that nothing this instance serves can miss a signal sent after it started.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        _senders = NpgsqlDataSource.Create(database.ConnectionString);
        var connection = await ListenAsync(ct);
        _listening = Task.Run(() => KeepListeningAsync(connection, _stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync();
        await _listening.WaitAsync(ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            connection.Notification += (_, e) => Dispatch(e.Payload);
            await using var listen = new NpgsqlCommand($"listen {Channel}", connection);
            await listen.ExecuteNonQueryAsync(ct);
            _isListening = true;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task KeepListeningAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using (connection)
                    while (true) await connection.WaitAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                _isListening = false;
                logger.LogWarning(e, "Lost the connection that hears other instances' signals; reconnecting");
            }
            catch (OperationCanceledException)
            {
                return;
            }
            connection = await ReconnectAsync(ct);
            foreach (var handler in _reconnected) handler();
        }
    }

    private async Task<NpgsqlConnection> ReconnectAsync(CancellationToken ct)
    {
        while (true)
        {
            await Task.Delay(RetryDelay, ct);
            try
            {
                return await ListenAsync(ct);
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
            {
                logger.LogDebug(e, "Still cannot listen for other instances' signals");
            }
        }
    }

    private void Dispatch(string message)
    {
        var space = message.IndexOf(' ');
        if (space < 0 || !_handlers.TryGetValue(message[..space], out var handler)) return;
        try
        {
            handler(message[(space + 1)..]);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A signal handler failed");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        if (_senders is not null) await _senders.DisposeAsync();
    }
}
