using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Promptmark.Api.Engines.Egress;
using Promptmark.Api.Features.Connections.Remote;

namespace Promptmark.Api.Tests.Connections.Remote;

/// <summary>A <see cref="RemoteMcpSessions"/> allowed to reach the given 127.0.0.1 ports, keeping every log line it wrote.</summary>
public sealed class SessionsUnderTest : IAsyncDisposable
{
    private readonly RemoteHttpClients http;
    private readonly ILoggerFactory loggerFactory;

    public SessionsUnderTest(int[] allowedPorts, RemoteSessionOptions? options = null)
    {
        http = new RemoteHttpClients(new EgressOptions { AllowedHosts = [.. allowedPorts.Select(port => $"127.0.0.1:{port}")] });
        loggerFactory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new KeepingLoggerProvider(Logs)));
        Sessions = new RemoteMcpSessions(http, Options.Create(options ?? new RemoteSessionOptions()), TimeProvider.System, loggerFactory);
    }

    public RemoteMcpSessions Sessions { get; }

    public ConcurrentQueue<string> Logs { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await Sessions.DisposeAsync();
        http.Dispose();
        loggerFactory.Dispose();
    }

    private sealed class KeepingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new KeepingLogger(logs);

        public void Dispose()
        {
        }
    }

    private sealed class KeepingLogger(ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue($"{formatter(state, exception)} {exception}");
    }
}
