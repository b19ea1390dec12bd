using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>The user's answer to an elicitation: <c>accept</c> with the form's content, <c>decline</c> or <c>cancel</c>.</summary>
public sealed record ElicitationAnswer(string Action, IReadOnlyDictionary<string, JsonElement>? Content);

/// <summary>
/// The remote tools' elicitations waiting for the user's answer, in this process (a conversation's turn or a Try-it
/// stream asked them). The asker records who may answer; this holds the waiting call itself, so an answer reaches it
/// without a round trip through the database.
/// </summary>
public sealed class ElicitationWaits(IOptions<ElicitationOptions> options)
{
    /// <summary>How long the user has to answer (<see cref="ElicitationOptions"/>).</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(options.Value.ElicitationTimeoutSeconds);

    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<ElicitationAnswer>> waits = new();

    public Wait Open(Guid elicitationId)
    {
        var answer = new TaskCompletionSource<ElicitationAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        waits[elicitationId] = answer;
        return new Wait(this, elicitationId, answer.Task);
    }

    public bool IsWaiting(Guid elicitationId) => waits.ContainsKey(elicitationId);

    /// <returns>false when no call waits on <paramref name="elicitationId"/> (it was answered, it ended, or a restart cut it short).</returns>
    public bool TryAnswer(Guid elicitationId, ElicitationAnswer answer) =>
        waits.TryRemove(elicitationId, out var waiting) && waiting.TrySetResult(answer);

    public sealed class Wait(ElicitationWaits owner, Guid elicitationId, Task<ElicitationAnswer> answer) : IDisposable
    {
        public Task<ElicitationAnswer> Answer => answer;

        /// <summary>
        /// The answer for the remote server, waiting up to <see cref="Timeout"/> and no longer than the asker's call or
        /// the server's request; a wait that runs out is answered <c>cancel</c>. Throws when the asker's call is cancelled.
        /// </summary>
        public async Task<ElicitResult> ResultAsync(CancellationToken asker, CancellationToken server)
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(asker, server);
            bound.CancelAfter(owner.Timeout);
            try
            {
                var given = await answer.WaitAsync(bound.Token);
                return new ElicitResult { Action = given.Action, Content = given.Content?.ToDictionary() };
            }
            catch (OperationCanceledException) when (!asker.IsCancellationRequested)
            {
                return new ElicitResult { Action = ElicitationReplies.Cancel };
            }
        }

        public void Dispose() => owner.waits.TryRemove(elicitationId, out _);
    }
}
