using System.Net.Http.Headers;
using System.Text.Json;
using Promptmark.Api.Engines.Egress;

namespace Promptmark.Api.Features.PostHog;

/// <summary>
/// Sends queued events to PostHog's capture API (<c>POST {host}/batch/</c> with <c>api_key</c> and <c>batch</c>) in the
/// background, through the egress guard. A batch that fails to arrive (no answer, a timeout, 408, 429 or 5xx) is sent
/// again after 1, 2, 4, 8 and 16 s, then dropped with a warning; one PostHog refuses (another 4xx) is dropped at once.
/// At most <see cref="MaxDeliveries"/> batches are in flight, so one slow PostHog holds up neither the queue nor the others for long.
/// </summary>
public sealed class PostHogSender(PostHogQueue queue, EgressOptions egress, ILogger<PostHogSender> logger) : BackgroundService
{
    public const int MaxBatch = 100;
    public const int MaxDeliveries = 4;
    public static readonly TimeSpan Gathering = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan[] RetryDelays = [.. new[] { 1, 2, 4, 8, 16 }.Select(s => TimeSpan.FromSeconds(s))];

    private readonly HttpClient _http = new(EgressGuard.CreateHandler(egress)) { Timeout = RequestTimeout };
    private readonly SemaphoreSlim _deliveries = new(MaxDeliveries);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (await queue.Reader.WaitToReadAsync(stopping))
        {
            // A burst of calls becomes one request per project rather than one each.
            await Task.Delay(Gathering, stopping);
            var events = new List<PostHogEvent>();
            while (events.Count < MaxBatch * MaxDeliveries && queue.Reader.TryRead(out var next)) events.Add(next);
            foreach (var batch in events.GroupBy(e => e.Destination).SelectMany(g => g.Chunk(MaxBatch)))
            {
                await _deliveries.WaitAsync(stopping);
                _ = DeliverAsync(batch, stopping);
            }
        }
    }

    private async Task DeliverAsync(PostHogEvent[] batch, CancellationToken stopping)
    {
        var destination = batch[0].Destination;
        try
        {
            var body = BatchBody(destination, batch);
            for (var attempt = 0; ; attempt++)
            {
                var (delivered, retry, why) = await PostAsync(destination, body, stopping);
                if (delivered) return;
                if (!retry || attempt == RetryDelays.Length)
                {
                    logger.LogWarning("Dropped {Count} analytics events for PostHog at {Host} after {Attempts} attempts: {Reason}", batch.Length, destination, attempt + 1, why);
                    return;
                }
                await Task.Delay(RetryDelays[attempt], stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            logger.LogInformation("Shutting down with {Count} analytics events for PostHog at {Host} unsent", batch.Length, destination);
        }
        finally
        {
            _deliveries.Release();
        }
    }

    private async Task<(bool Delivered, bool Retry, string Why)> PostAsync(PostHogDestination destination, byte[] body, CancellationToken stopping)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _http.PostAsync(new Uri($"{destination.Host}/batch/"), content, stopping);
            var status = (int)response.StatusCode;
            return (status is >= 200 and < 300, status is 408 or 429 or >= 500, $"it answered {status}");
        }
        catch (HttpRequestException failure) when (failure.InnerException is EgressRefusedException refused)
        {
            return (false, false, refused.Message);
        }
        catch (HttpRequestException)
        {
            return (false, true, "it could not be reached");
        }
        catch (TaskCanceledException) when (!stopping.IsCancellationRequested)
        {
            return (false, true, $"it did not answer within {RequestTimeout.TotalSeconds:0} s");
        }
    }

    private static byte[] BatchBody(PostHogDestination destination, PostHogEvent[] batch) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        api_key = destination.ProjectApiKey,
        historical_migration = false,
        batch = batch.Select(e => new { @event = e.Name, distinct_id = e.DistinctId, timestamp = e.Timestamp, properties = e.Properties }),
    });

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
