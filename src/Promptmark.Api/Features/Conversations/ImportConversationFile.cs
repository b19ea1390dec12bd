using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Features.Conversations.Transcripts;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations;

[Description("Import the conversations of an export file: a ChatGPT or Claude data export's conversations.json, a markdown transcript, or the generic message JSON.")]
public sealed record ImportConversationFile : PrivateInput, ISlice<ImportedConversations>, IValidated
{
    /// <summary>About what a reverse proxy lets through by default (Kestrel's limit is 30 MB): a large account's export.</summary>
    public const int MaxFileLength = 25_000_000;

    public const int MaxConversations = 1_000;

    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/conversations/import/file").Created().MayAnswer(422)
        .Described("Import every conversation of an export file (format detected from the content unless given); all of them are stored, " +
                   "or none when any message cannot be read or breaks a limit (422 naming the place in the file)");

    [Required, Description(
        "The export file's text, at most 25,000,000 characters. chatgpt: conversations.json of a ChatGPT data export (one conversation object or an " +
        "array; the current branch of each mapping tree; tool calls, hidden and non-text parts left out). claude: conversations.json of a Claude data " +
        "export (chat_messages with sender human/assistant; text blocks of content, else text). json: {title, model, messages: [{role, content}]} " +
        "(one or an array) or a bare [{role, content}] array; the JSON export reads back. markdown: messages start at a role heading (# to ###### " +
        "User, Human, You, Assistant, AI, ChatGPT, Claude or System, optional colon) or a bold label line (**User:** text); one # Title heading " +
        "may come first; a label line meant as text is written with a backslash in front (\\## User); the markdown export reads back. " +
        "Conversations without messages are skipped.")]
    public string File { get; init; } = "";

    [Description("chatgpt, claude, json or markdown; detected from the content when not given (JSON by its shape, anything else markdown)")]
    public string? Format { get; init; }

    [Description("Title for a file holding one conversation (default: the title in the file)")]
    public string? Title { get; init; }

    [Description("provider/model id to store on every imported conversation (default: the model the file names, if any)")]
    public string? Model { get; init; }

    public void Validate(InputErrors errors)
    {
        errors.When(File.Length > MaxFileLength, "file", $"must be at most {MaxFileLength:N0} characters");
        errors.When(Format is { } format && !ConversationSources.Imported.Contains(format), "format", $"must be one of {string.Join(", ", ConversationSources.Imported)}");
        ConversationFields.ValidateTitle(Title, errors);
        errors.When(Model is { } model && !ModelId.TryParse(model, out _), "model", $"must be {ModelId.Format}");
    }
}

/// <summary>The stored conversations, in the file's order; <see cref="SkippedEmpty"/> counts the file's conversations that had no message to keep.</summary>
public sealed record ImportedConversations(string Format, IReadOnlyList<ConversationView> Conversations, int SkippedEmpty);

public static class ImportConversationFileHandler
{
    private const string Untitled = "Imported conversation";

    public static ImportedConversations Handle(ImportConversationFile command, IDocumentSession session, TimeProvider clock)
    {
        var file = TranscriptReader.Read(command.File, command.Format);
        var kept = file.Conversations.Where(c => c.Messages.Count > 0).ToList();
        CheckLimits(command, file.Format, kept);

        var now = clock.GetUtcNow();
        var stored = kept.Select(c => ConversationView.Of(ConversationImport.Store(session, now, TitleOf(command, c), file.Format, ModelOf(command, c),
            c.Messages.Select(m => (m.Role, m.Content)).ToList()))).ToList();
        return new ImportedConversations(file.Format, stored, file.Conversations.Count - kept.Count);
    }

    private static void CheckLimits(ImportConversationFile command, string format, List<TranscriptConversation> conversations)
    {
        var problems = new TranscriptProblems();
        if (conversations.Count == 0) problems.Add("file", "holds no message to import");
        if (conversations.Count > ImportConversationFile.MaxConversations)
            problems.Add("file", $"holds {conversations.Count:N0} conversations with messages, at most {ImportConversationFile.MaxConversations:N0} are imported at once");
        if (command.Title is not null && conversations.Count > 1) problems.Add("title", "can only be given for a file holding one conversation");
        foreach (var conversation in conversations)
        {
            if (conversation.Messages.Count > ImportConversation.MaxMessages)
                problems.Add(conversation.Where, $"holds {conversation.Messages.Count:N0} messages, at most {ImportConversation.MaxMessages:N0}");
            foreach (var message in conversation.Messages)
                if (new ImportedMessage { Role = message.Role, Content = message.Content }.Problem() is { } problem) problems.Add(message.Where, problem);
        }
        problems.ThrowIfAny(format);
    }

    private static string TitleOf(ImportConversationFile command, TranscriptConversation conversation)
    {
        var title = (command.Title ?? conversation.Title)?.Trim() is { Length: > 0 } given ? given : Untitled;
        return title.Length > ConversationFields.MaxTitle ? title[..ConversationFields.MaxTitle].TrimEnd() : title;
    }

    private static string? ModelOf(ImportConversationFile command, TranscriptConversation conversation) =>
        ModelId.TryParse(command.Model ?? conversation.Model, out var model) ? model.ToString() : null;
}
