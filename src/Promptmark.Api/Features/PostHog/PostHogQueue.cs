using System.Threading.Channels;

namespace Promptmark.Api.Features.PostHog;

/// <summary>Where events go: a user's PostHog host and project key. Its text is the host alone, so the key never reaches a log.</summary>
public sealed record PostHogDestination(string Host, string ProjectApiKey)
{
    public override string ToString() => Host;
}

/// <summary>One capture event, as PostHog's batch API takes it.</summary>
public sealed record PostHogEvent(PostHogDestination Destination, string Name, string DistinctId, DateTimeOffset Timestamp, IReadOnlyDictionary<string, object?> Properties);

/// <summary>
/// The events waiting for <see cref="PostHogSender"/>. Bounded, so a PostHog that is down cannot grow memory without end:
/// when it is full a new event is dropped (and counted in the log) rather than making a model call wait.
/// </summary>
public sealed class PostHogQueue(ILogger<PostHogQueue> logger)
{
    public const int Capacity = 10_000;

    private readonly Channel<PostHogEvent> _events = Channel.CreateBounded<PostHogEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public ChannelReader<PostHogEvent> Reader => _events.Reader;

    public void Enqueue(PostHogEvent analyticsEvent)
    {
        if (!_events.Writer.TryWrite(analyticsEvent))
            logger.LogWarning("Dropped a {Event} event for PostHog at {Host}: {Capacity} events are already waiting", analyticsEvent.Name, analyticsEvent.Destination, Capacity);
    }
}
