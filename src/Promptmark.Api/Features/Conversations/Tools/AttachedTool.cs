using Promptmark.Api.Features.Scans;

namespace Promptmark.Api.Features.Conversations.Tools;

/// <summary>
/// A tool the conversation's model may call: an MCP tool of one of the owner's connections (<see cref="ConnectionId"/> +
/// <see cref="ToolName"/>) or a provider's built-in tool (<see cref="NativeProvider"/> + <see cref="NativeType"/>).
/// </summary>
public sealed class AttachedTool
{
    public Guid? ConnectionId { get; set; }
    public string ToolName { get; set; } = "";
    public bool IsNative { get; set; }
    public string? NativeProvider { get; set; }
    public string? NativeType { get; set; }

    /// <summary>One of <see cref="ToolApproval.All"/>.</summary>
    public string Approval { get; set; } = ToolApproval.Always;

    /// <summary>What the content scan found in the remote tool's description when it was attached: a description can carry instructions for the model.</summary>
    public List<ScanFinding> DescriptionFindings { get; set; } = [];

    /// <summary>The remote tool's description as cached when it was attached; the model is shown it.</summary>
    public string? Description { get; set; }

    public bool Matches(string connectionId, string toolName) =>
        ToolName == toolName && (IsNative
            ? string.Equals(connectionId, NativeConnection, StringComparison.OrdinalIgnoreCase)
            : Guid.TryParse(connectionId, out var id) && id == ConnectionId);

    /// <summary>What remove_conversation_tool takes as connection_id for a native tool.</summary>
    public const string NativeConnection = "native";
}

/// <summary>Whether an attached tool runs when the model calls it.</summary>
public static class ToolApproval
{
    /// <summary>It runs at once.</summary>
    public const string Always = "always";

    /// <summary>The turn pauses until the user approves or denies the call.</summary>
    public const string Ask = "ask";

    /// <summary>Attached but never run: the model is told the call was refused.</summary>
    public const string Never = "never";

    public static readonly string[] All = [Always, Ask, Never];
}

/// <summary>The tools attached to a conversation, as update and remove answer them.</summary>
public sealed record ConversationTools(Guid ConversationId, IReadOnlyList<AttachedTool> Tools, int Count)
{
    public const int Max = 50;

    public static ConversationTools Of(Conversation conversation) => new(conversation.Id, conversation.Tools, conversation.Tools.Count);
}
