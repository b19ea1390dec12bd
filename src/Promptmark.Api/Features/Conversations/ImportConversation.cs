using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations;

[Description("Import a conversation with messages from an external source.")]
public sealed record ImportConversation : PrivateInput, ISlice<ConversationView>, IValidated
{
    public const int MaxMessages = 5_000;

    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/conversations/import").AsTool("import_conversation", "Import a conversation").Created()
        .Described("Import a conversation from a list of role + content messages (at most 5,000), kept in the order given");

    [Required, Description("Conversation title")]
    public string? Title { get; init; }

    [Description("Import source identifier (e.g. claude, chatgpt)")]
    public string? Source { get; init; }

    [Description("Model ID used in the conversation")]
    public string? Model { get; init; }

    [Required, Description("Array of message objects (see below)")]
    public List<ImportedMessage>? Messages { get; init; }

    public void Validate(InputErrors errors)
    {
        ConversationFields.ValidateTitle(Title, errors);
        errors.When(Source is { } source && !ConversationSources.Imported.Contains(source), "source", $"must be one of {string.Join(", ", ConversationSources.Imported)}");
        errors.When(Model is { } model && !ModelId.TryParse(model, out _), "model", $"must be {ModelId.Format}");
        if (Messages is null) return;
        errors.When(Messages.Count == 0, "messages", "must hold at least one message");
        errors.When(Messages.Count > MaxMessages, "messages", $"must hold at most {MaxMessages:N0} messages");
        for (var i = 0; i < Messages.Count && i < MaxMessages; i++)
            if (Messages[i]?.Problem() is { } problem) errors.Add($"messages[{i}]", problem);
            else if (Messages[i] is null) errors.Add($"messages[{i}]", "must be an object with role and content");
    }
}

public sealed record ImportedMessage
{
    public const int MaxContent = 1_000_000;

    [Required, Description("Message role: system, user, or assistant")]
    public string Role { get; init; } = "";

    [Required, Description("Message content")]
    public string Content { get; init; } = "";

    public string? Problem() =>
        !ConversationRoles.All.Contains(Role) ? $"role must be one of {string.Join(", ", ConversationRoles.All)}"
        : Content.Length > MaxContent ? $"content must be at most {MaxContent:N0} characters"
        : null;
}

public static class ImportConversationHandler
{
    public static ConversationView Handle(ImportConversation command, IDocumentSession session, TimeProvider clock) =>
        ConversationView.Of(ConversationImport.Store(session, clock.GetUtcNow(), command.Title!.Trim(), command.Source ?? ConversationSources.Json,
            ModelId.TryParse(command.Model, out var model) ? model.ToString() : null, command.Messages!.Select(m => (m.Role, m.Content)).ToList()));
}

/// <summary>How an imported conversation is stored, whichever door or file format it came through.</summary>
public static class ConversationImport
{
    public static Conversation Store(IDocumentSession session, DateTimeOffset now, string title, string source, string? modelId,
        IReadOnlyList<(string Role, string Content)> messages)
    {
        var conversation = new Conversation
        {
            Id = Guid.CreateVersion7(), OwnerId = session.CallerId(), Title = title, ModelId = modelId,
            Source = source, MessageCount = messages.Count, CreatedAt = now, UpdatedAt = now,
        };
        // The export carries no usable times: the messages get one millisecond each, ending now, so that their order is
        // kept and the before cursor can step through them.
        var first = now.AddMilliseconds(-messages.Count);
        session.Store(conversation);
        session.Store(messages.Select((m, i) => new ConversationMessage
        {
            Id = Guid.CreateVersion7(), ConversationId = conversation.Id, Role = m.Role, Content = m.Content, CreatedAt = first.AddMilliseconds(i),
        }).ToArray());
        return conversation;
    }
}
