using System.Collections.Concurrent;
using System.Text.Json;

namespace Promptmark.Api.Features.Conversations.Turns;

/// <summary>The user's answer to an elicitation: <c>accept</c> with the form's content, <c>decline</c> or <c>cancel</c>.</summary>
public sealed record ElicitationAnswer(string Action, IReadOnlyDictionary<string, JsonElement>? Content);

/// <summary>
/// The running turns' elicitations waiting for the user's answer, in this process. The conversation records which one
/// it waits on (so a reload shows it); this holds the turn itself, so an answer reaches it without a round trip through
/// the database.
/// </summary>
public sealed class ElicitationWaits
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<ElicitationAnswer>> waits = new();

    public Wait Open(Guid elicitationId)
    {
        var answer = new TaskCompletionSource<ElicitationAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        waits[elicitationId] = answer;
        return new Wait(this, elicitationId, answer.Task);
    }

    public bool IsWaiting(Guid elicitationId) => waits.ContainsKey(elicitationId);

    /// <returns>false when no running turn waits on <paramref name="elicitationId"/> (it ended, or a restart cut it short).</returns>
    public bool TryAnswer(Guid elicitationId, ElicitationAnswer answer) =>
        waits.TryRemove(elicitationId, out var waiting) && waiting.TrySetResult(answer);

    public sealed class Wait(ElicitationWaits owner, Guid elicitationId, Task<ElicitationAnswer> answer) : IDisposable
    {
        public Task<ElicitationAnswer> Answer => answer;

        public void Dispose() => owner.waits.TryRemove(elicitationId, out _);
    }
}
