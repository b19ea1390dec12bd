using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Promptmark.Api.Features.PostHog;

/// <summary>A model client that reports each call's outcome, usage and timing (first token too, when streamed) to <see cref="GenerationReporter"/>.</summary>
public sealed class ReportingChatClient(IChatClient inner, GenerationReporter reporter) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = reporter.Start(stream: false);
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken);
            call.Succeeded(response.Usage);
            return response;
        }
        catch (Exception failure)
        {
            call.Failed(failure, cancellationToken.IsCancellationRequested);
            throw;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var call = reporter.Start(stream: true);
        UsageDetails? usage = null;
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await NextAsync(updates, call, cancellationToken))
            {
                call.SawFirstToken();
                foreach (var reported in updates.Current.Contents.OfType<UsageContent>()) (usage ??= new UsageDetails()).Add(reported.Details);
                yield return updates.Current;
            }
            call.Succeeded(usage);
        }
        finally
        {
            call.EndedEarly();
        }
    }

    private static async Task<bool> NextAsync(IAsyncEnumerator<ChatResponseUpdate> updates, GenerationReporter.Call call, CancellationToken ct)
    {
        try
        {
            return await updates.MoveNextAsync();
        }
        catch (Exception failure)
        {
            call.Failed(failure, ct.IsCancellationRequested);
            throw;
        }
    }
}
