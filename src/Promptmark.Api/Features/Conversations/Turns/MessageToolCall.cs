using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Promptmark.Api.Features.Conversations.Turns;

/// <summary>One call of a tool the model made in an assistant message, and where it stands.</summary>
public sealed class MessageToolCall
{
    /// <summary>The provider's id of the call; a <c>tool</c> message with the same id holds its result.</summary>
    public string CallId { get; set; } = "";

    /// <summary>The name the model was offered and called.</summary>
    public string Name { get; set; } = "";

    /// <summary>The attached tool it resolved to: an MCP tool of <see cref="ConnectionId"/>, or <c>load_skill</c>; null when it named no offered tool.</summary>
    public Guid? ConnectionId { get; set; }

    public string? ToolName { get; set; }

    /// <summary>The arguments the model gave, as JSON.</summary>
    public string Arguments { get; set; } = "{}";

    /// <summary>One of <see cref="ToolCallStatus"/>.</summary>
    public string Status { get; set; } = ToolCallStatus.Pending;

    /// <summary>For a tool whose policy is <c>ask</c>: <c>approved</c> or <c>denied</c> once a person decided.</summary>
    public string? Decision { get; set; }

    public FunctionCallContent ToContent() =>
        new(CallId, Name, JsonSerializer.Deserialize<Dictionary<string, object?>>(Arguments, AIJsonUtilities.DefaultOptions));
}

public static class ToolCallStatus
{
    /// <summary>Not handled yet: a call after one that waits for approval.</summary>
    public const string Pending = "pending";

    /// <summary>The turn is paused until a person approves or denies this call.</summary>
    public const string AwaitingApproval = "awaiting_approval";

    /// <summary>Handled: a <c>tool</c> message holds what the model was told.</summary>
    public const string Done = "done";
}

public static class ToolDecisions
{
    public const string Approved = "approved", Denied = "denied";
}

/// <summary>What became of a call, on its <c>tool</c> message.</summary>
public static class ToolOutcomes
{
    /// <summary>It ran and answered normally.</summary>
    public const string Ran = "ran";

    /// <summary>It ran and answered with <c>isError: true</c>.</summary>
    public const string ToolError = "tool_error";

    /// <summary>It could not run or did not answer: bad arguments, unreachable server, timeout.</summary>
    public const string Failed = "failed";

    /// <summary>Not run: the tool's policy is <c>never</c>, or the model named a tool that is not attached.</summary>
    public const string Refused = "refused";

    /// <summary>Not run: a person denied it.</summary>
    public const string Denied = "denied";

    /// <summary>Not run: the iteration limit was reached.</summary>
    public const string NotRun = "not_run";
}

/// <summary>The call a paused turn waits on, in the assistant message <see cref="MessageId"/>, after <see cref="Iterations"/> model calls.</summary>
public sealed record PendingApproval(Guid MessageId, string CallId, int Iterations);

/// <summary>
/// A call of the running turn waits for the user to authorize a service at <see cref="AuthUrl"/> (civic:rest-auth) until
/// <see cref="ExpiresAt"/>; <see cref="Step"/> counts the authorizations this call has asked for so far.
/// </summary>
public sealed record PendingAuthorization(string CallId, string ToolName, string AuthUrl, DateTimeOffset ExpiresAt, int Step);

/// <summary>How a send (or an approval) left the turn.</summary>
public static class TurnStatus
{
    public const string Completed = "completed", AwaitingApproval = "awaiting_approval", IterationLimit = "iteration_limit";
}
