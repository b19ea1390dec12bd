using JasperFx.Metadata;
using Marten;
using Promptmark.Api.Features.Conversations.Tools;
using Promptmark.Api.Features.Conversations.Turns;
using Promptmark.Api.Features.Scans;

namespace Promptmark.Api.Features.Conversations;

/// <summary>A chat with a model, native or imported. Stored tenant-scoped; soft-deleted conversations vanish from every read, their messages with them.</summary>
public sealed class Conversation : ISoftDeleted
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
    public string Title { get; set; } = "";

    /// <summary>A <c>provider/model</c> id; imported conversations may have none.</summary>
    public string? ModelId { get; set; }

    public Guid? LinkedPromptId { get; set; }
    public string? SystemPrompt { get; set; }
    public string Source { get; set; } = ConversationSources.Native;
    public int MessageCount { get; set; }

    /// <summary>The tools its model may call, in the order they were attached.</summary>
    public List<AttachedTool> Tools { get; set; } = [];

    /// <summary>Set while a turn waits for a person to approve or deny a tool call; no message can be sent meanwhile.</summary>
    public PendingApproval? AwaitingApproval { get; set; }

    /// <summary>Set while a running turn waits for the user to authorize a service a tool needs; written as soon as it is known, so a reload shows it.</summary>
    public PendingAuthorization? AwaitingAuthorization { get; set; }

    /// <summary>Set while a running turn waits for the user to answer a remote tool's question (MCP elicitation); written as soon as it is asked, so a reload shows it.</summary>
    public PendingInput? AwaitingInput { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool Deleted { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}

/// <summary>One turn of a conversation. Assistant turns that Promptmark asked for carry the model, usage, cost and latency.</summary>
public sealed class ConversationMessage
{
    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public string Role { get; set; } = "";
    public string Content { get; set; } = "";
    public string? ModelId { get; set; }
    public long? InputTokens { get; set; }
    public long? OutputTokens { get; set; }
    public decimal? CostUsd { get; set; }
    public long? LatencyMs { get; set; }

    /// <summary>An assistant message's calls of tools, in the order the model made them.</summary>
    public List<MessageToolCall>? ToolCalls { get; set; }

    /// <summary>A <c>tool</c> message: the call it answers.</summary>
    public string? ToolCallId { get; set; }

    /// <summary>A <c>tool</c> message: the attached tool that was called.</summary>
    public string? ToolName { get; set; }

    /// <summary>A <c>tool</c> message: one of <see cref="ToolOutcomes"/>.</summary>
    public string? Outcome { get; set; }

    /// <summary>A <c>tool</c> message of a remote tool that ran: its record in the execution history.</summary>
    public Guid? ExecutionId { get; set; }

    /// <summary>A <c>tool</c> message: what the content scan found in the result before the model was shown it.</summary>
    public List<ScanFinding>? Findings { get; set; }

    /// <summary>The order of a conversation's messages and the <c>before</c> cursor: distinct within a conversation.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class ConversationStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.Schema.For<Conversation>().SoftDeleted().Index(c => c.UpdatedAt);
        options.Schema.For<ConversationMessage>().Index(m => m.ConversationId).Index(m => m.CreatedAt);
    }
}
