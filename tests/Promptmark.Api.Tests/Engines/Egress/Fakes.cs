using System.Net;
using Promptmark.Api.Engines.Egress;

namespace Promptmark.Api.Tests.Engines.Egress;

/// <summary>Answers each lookup with the next prepared answer (the last one repeats), and counts lookups.</summary>
public sealed class ScriptedResolver(params string[][] answers) : IHostResolver
{
    public int Lookups { get; private set; }

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var answer = answers[Math.Min(Lookups, answers.Length - 1)];
        Lookups++;
        return Task.FromResult(answer.Select(IPAddress.Parse).ToArray());
    }
}

/// <summary>Records where it was asked to connect and never opens anything.</summary>
public sealed class RecordingConnector : IConnector
{
    public List<IPEndPoint> Attempts { get; } = [];

    public ValueTask<Stream> ConnectAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        Attempts.Add(new IPEndPoint(address, port));
        return ValueTask.FromResult(Stream.Null);
    }
}
