namespace Promptmark.Api.Infrastructure.Hosting;

/// <summary>
/// A logger for work that begins before the host's logging exists (the embedded PostgreSQL starts while services are
/// still being registered): it holds what is logged until <see cref="Attach"/> names the real logger, then writes it there.
/// </summary>
public sealed class LoggerUntilHostBuilt : ILogger
{
    private readonly Lock _gate = new();
    private readonly List<Action<ILogger>> _held = [];
    private ILogger? _target;

    /// <summary>Writes what was held to <paramref name="target"/>, and everything after it directly.</summary>
    public void Attach(ILogger target)
    {
        Action<ILogger>[] held;
        lock (_gate)
        {
            _target = target;
            held = [.. _held];
            _held.Clear();
        }
        foreach (var write in held) write(target);
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ILogger? target;
        lock (_gate)
        {
            target = _target;
            if (target is null) _held.Add(logger => logger.Log(logLevel, eventId, state, exception, formatter));
        }
        target?.Log(logLevel, eventId, state, exception, formatter);
    }

    public bool IsEnabled(LogLevel logLevel) => _target?.IsEnabled(logLevel) ?? true;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _target?.BeginScope(state);
}
