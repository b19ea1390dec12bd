using Microsoft.Extensions.AI;
using Promptmark.Api.Engines.Models;

namespace Promptmark.Api.Features.PostHog;

/// <summary>Times one model call and queues its <c>$ai_generation</c> event when its outcome is known, once.</summary>
public sealed record GenerationReporter(
    PostHogDestination Destination, Guid UserId, ModelId Model, string Feature, PostHogQueue Queue, UsageCalculator Usage, TimeProvider Clock)
{
    public Call Start(bool stream) => new(this, stream, Clock.GetUtcNow(), Clock.GetTimestamp());

    public sealed class Call(GenerationReporter reporter, bool stream, DateTimeOffset startedAt, long started)
    {
        private TimeSpan? _firstToken;
        private bool _reported;

        public void SawFirstToken() => _firstToken ??= reporter.Clock.GetElapsedTime(started);

        public void Succeeded(UsageDetails? reported) => Report("success", reported, null);

        public void Failed(Exception failure, bool cancelled) => Report(cancelled ? "cancelled" : "error", null, failure);

        /// <summary>A stream the caller stopped reading before its end.</summary>
        public void EndedEarly() => Report("cancelled", null, null);

        private void Report(string outcome, UsageDetails? reported, Exception? failure)
        {
            if (_reported) return;
            _reported = true;
            var latency = reporter.Clock.GetElapsedTime(started);
            var cost = reporter.Usage.Cost(reporter.Model, reported);
            var providerFailure = failure is null ? null : ProviderFailure.From(reporter.Model.Provider, failure);
            var properties = new Dictionary<string, object?>
            {
                ["$ai_trace_id"] = Guid.CreateVersion7().ToString(),
                ["$ai_model"] = reporter.Model.Model,
                ["$ai_provider"] = reporter.Model.Provider,
                ["$ai_input_tokens"] = cost.InputTokens,
                ["$ai_output_tokens"] = cost.OutputTokens,
                ["$ai_total_cost_usd"] = cost.CostUsd,
                ["$ai_latency"] = latency.TotalSeconds,
                ["$ai_stream"] = stream,
                ["$ai_is_error"] = outcome == "error",
                ["outcome"] = outcome,
                ["feature"] = reporter.Feature,
            };
            if (_firstToken is { } firstToken) properties["$ai_time_to_first_token"] = firstToken.TotalSeconds;
            if (providerFailure?.Status is { } status) properties["$ai_http_status"] = status;
            if (outcome == "error") properties["$ai_error"] = providerFailure?.Message ?? failure!.GetType().Name;
            reporter.Queue.Enqueue(new PostHogEvent(reporter.Destination, "$ai_generation", reporter.UserId.ToString(), startedAt, properties));
        }
    }
}
