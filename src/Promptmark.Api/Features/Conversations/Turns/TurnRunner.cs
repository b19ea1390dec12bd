using System.Linq.Expressions;
using Marten;
using Marten.Patching;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Features.Connections.Executions;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Features.Connections.Tools;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Features.Providers;
using Promptmark.Api.Features.Skills;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Conversations.Turns;

/// <summary>
/// Runs a conversation's turn through the tool loop: on a new message, and again when a person decides on a call the turn
/// paused at. The caller's session is written only when the turn ends, so a failed model call stores nothing.
/// </summary>
public sealed class TurnRunner(
    ModelAccess models, ToolExecutor executor, RestAuthPolling restAuth, ElicitationWaits elicitations, IDocumentStore store, TemplateLimit limit, TimeProvider clock, IOptions<ConversationOptions> options)
{
    internal ModelAccess Models => models;
    internal ToolExecutor Executor => executor;
    internal TimeProvider Clock => clock;
    internal TimeSpan ToolTimeout => TimeSpan.FromSeconds(options.Value.ToolCallTimeoutSeconds);
    internal RestAuthPolling RestAuth => restAuth;
    internal IDocumentStore Store => store;
    internal TimeSpan AuthorizationPollInterval => TimeSpan.FromMilliseconds(options.Value.AuthorizationPollMilliseconds);
    internal TimeSpan AuthorizationTimeout => TimeSpan.FromSeconds(options.Value.AuthorizationTimeoutSeconds);
    internal int MaxChainedAuthorizations => options.Value.MaxChainedAuthorizations;
    internal ElicitationWaits Elicitations => elicitations;
    internal TimeSpan ElicitationTimeout => elicitations.Timeout;

    /// <param name="stream">When given, the model calls stream and every step of the turn is sent to it as it happens.</param>
    public async Task<SentMessage> SendAsync(IDocumentSession session, Conversation conversation, string content, TurnStream? stream, CancellationToken ct)
    {
        if (conversation.AwaitingApproval is { } pending)
            throw new ConflictException($"The conversation waits for a decision on tool call {pending.CallId}: " +
                                        $"POST /api/conversations/{conversation.Id}/tool-calls/{pending.CallId}/approve (or /deny) first.");
        if (conversation.AwaitingAuthorization is { } authorizing && authorizing.ExpiresAt > clock.GetUtcNow())
            throw new ConflictException($"The conversation's turn waits for the user to authorize a service for tool call {authorizing.CallId} " +
                                        $"until {authorizing.ExpiresAt:u}: complete it at {authorizing.AuthUrl} or wait for the turn to end.");
        if (conversation.AwaitingInput is { } asking && elicitations.IsWaiting(asking.ElicitationId))
            throw new ConflictException($"The conversation's turn waits for the user to answer {asking.ToolName}'s question until {asking.ExpiresAt:u}: " +
                                        $"POST /api/conversations/{conversation.Id}/elicitations/{asking.ElicitationId} first.");
        // A wait a restart cut short is over.
        conversation.AwaitingAuthorization = null;
        conversation.AwaitingInput = null;
        var setup = await SetUpAsync(session, conversation, stream, ct);
        var question = setup.Turn.Add(ConversationRoles.User, content);
        setup.Context.Add(new ChatMessage(ChatRole.User, content));
        var end = await ProviderErrors(setup.Model, () => setup.Loop.RunAsync(setup.Context, setup.Turn, ct));
        return End(session, conversation, setup.Turn, end, MessageView.Of(question));
    }

    /// <param name="stream">When given, the resumed turn streams as a sent one does.</param>
    public async Task<SentMessage> ResumeAsync(IDocumentSession session, Conversation conversation, string callId, string decision, TurnStream? stream, CancellationToken ct)
    {
        if (conversation.AwaitingApproval is not { } pending || pending.CallId != callId) throw new NotFoundException($"tool call {callId} awaiting approval");
        var setup = await SetUpAsync(session, conversation, stream, ct);
        var paused = setup.History.Single(m => m.Id == pending.MessageId);
        var calls = setup.Turn.Resume(paused, callId, decision);
        var end = await ProviderErrors(setup.Model, () => setup.Loop.ResumeAsync(setup.Context, calls, pending.Iterations, setup.Turn, ct));
        return End(session, conversation, setup.Turn, end, null);
    }

    /// <summary>Writes a wait of the running turn (a card, a form) beside it, which stores its messages only when it ends; not cancellable, so a card never outlives its wait.</summary>
    internal async Task RecordWaitAsync<T>(IDocumentSession session, Guid conversationId, Expression<Func<Conversation, T>> field, T value)
    {
        await using var writer = store.LightweightSession(session.TenantId);
        writer.Patch<Conversation>(conversationId).Set(field, value);
        await writer.SaveChangesAsync(CancellationToken.None);
    }

    private sealed record Setup(OpenedModel Model, ToolLoop Loop, ConversationTurn Turn, List<ChatMessage> Context, IReadOnlyList<ConversationMessage> History);

    /// <summary>Everything the turn reads before the model is asked, in one round trip.</summary>
    private async Task<Setup> SetUpAsync(IDocumentSession session, Conversation conversation, TurnStream? stream, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var linked = conversation.SystemPrompt is not { Length: > 0 } && conversation.LinkedPromptId is { } linkedId ? batch.Load<Prompt>(linkedId) : null;
        var opening = conversation.ModelId is { } modelId
            ? models.Open(batch, session.CallerId(), modelId, hostedTools: conversation.Tools.Any(t => t.IsNative)) : null;
        var catalog = batch.Catalog();
        var cachedTools = batch.Of(OfferedTools.ConnectionsOf(conversation));
        var reading = batch.History(conversation.Id);
        await batch.Execute(ct);

        var systemPrompt = TurnPrompts.SystemPrompt(conversation, linked is null ? null : await linked, limit);
        var model = await (opening ?? throw new UnprocessableException("This conversation has no model: set its model_id with update_conversation first."));
        var skills = await catalog;
        var offered = OfferedTools.For(conversation, await cachedTools, skills.Count > 0);
        var history = await reading;
        var tools = offered.Declarations().Concat(NativeTools.For(conversation, model)).ToList();
        var chatOptions = tools.Count == 0 ? new ChatOptions() : new ChatOptions { Tools = tools };
        return new Setup(model, new ToolLoop(model.Client, chatOptions, options.Value.MaxToolIterations, stream),
            new ConversationTurn(this, session, conversation, model, offered, history.LastOrDefault()?.CreatedAt, stream),
            TurnPrompts.Context(TurnPrompts.WithSkillCatalog(systemPrompt, skills), history), history);
    }

    private static async Task<ToolLoopEnd> ProviderErrors(OpenedModel model, Func<Task<ToolLoopEnd>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception failure) when (ProviderFailure.From(model.Id.Provider, failure) is { } reason)
        {
            throw reason.Status is >= 400 and < 500 and not 429 ? new UnprocessableException(reason.Message) : new BadGatewayException(reason.Message);
        }
    }

    private static SentMessage End(IDocumentSession session, Conversation conversation, ConversationTurn turn, ToolLoopEnd end, MessageView? question)
    {
        conversation.AwaitingApproval = end.Outcome == ToolLoopOutcome.Paused ? new PendingApproval(turn.Answering!.Id, turn.PausedAt!, end.Iterations) : null;
        conversation.MessageCount += turn.Added;
        conversation.UpdatedAt = turn.Last;
        session.Store(turn.Touched.ToArray());
        session.Store(conversation);
        var status = end.Outcome switch
        {
            ToolLoopOutcome.Paused => TurnStatus.AwaitingApproval,
            ToolLoopOutcome.IterationLimit => TurnStatus.IterationLimit,
            _ => TurnStatus.Completed,
        };
        var messages = turn.Touched.Select(MessageView.Of).ToList();
        return new SentMessage(conversation.Id, question, messages.Last(m => m.Role == ConversationRoles.Assistant), status, messages);
    }
}
