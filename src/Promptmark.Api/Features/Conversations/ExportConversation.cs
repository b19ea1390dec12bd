using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marten;
using Promptmark.Api.Features.Conversations.Transcripts;
using Promptmark.Api.Infrastructure.Json;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations;

[Description("Export a conversation with all its messages as a markdown transcript or as JSON.")]
public sealed record ExportConversation : PrivateInput, ISlice<ConversationExport>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/conversations/{id}/export").AnswersFile(MarkdownMediaType, JsonMediaType)
        .Described("Download one of your conversations: markdown (## User / ## Assistant sections) or JSON (title, model and messages with their " +
                   "usage); both read back through the file import to the same messages");

    public const string MarkdownMediaType = "text/markdown; charset=utf-8";
    public const string JsonMediaType = "application/json; charset=utf-8";

    [Required, Description("The conversation ID to export")]
    public string Id { get; init; } = "";

    [Description("markdown (default) or json")]
    public string? Format { get; init; }

    public void Validate(InputErrors errors) =>
        errors.When(Format is not (null or ConversationSources.Markdown or ConversationSources.Json), "format", "must be markdown or json");
}

public sealed record ConversationExport(string MediaType, string FileName, string Text) : IRestDocument;

/// <summary>The JSON export: the generic import shape (title, model, messages) with what else is known. <c>source</c> is set for imported conversations only.</summary>
public sealed record ConversationJson(
    Guid Id, string Title, string? Source, string? Model, string? SystemPrompt, DateTimeOffset CreatedAt, IReadOnlyList<MessageView> Messages);

public static partial class ExportConversationHandler
{
    private static readonly JsonSerializerOptions Indented = new(Wire.Options) { WriteIndented = true };

    public static async Task<ConversationExport> Handle(ExportConversation query, IDocumentSession session, CancellationToken ct)
    {
        var conversation = await session.LoadOwnedConversationAsync(query.Id, ct);
        var messages = await session.HistoryAsync(conversation.Id, ct);
        var name = FileNameOf(conversation.Title);
        if (query.Format == ConversationSources.Json)
        {
            var json = new ConversationJson(conversation.Id, conversation.Title, conversation.Source == ConversationSources.Native ? null : conversation.Source,
                conversation.ModelId, conversation.SystemPrompt, conversation.CreatedAt, messages.Select(MessageView.Of).ToList());
            return new ConversationExport(ExportConversation.JsonMediaType, name + ".json", JsonSerializer.Serialize(json, Indented));
        }
        return new ConversationExport(ExportConversation.MarkdownMediaType, name + ".md",
            MarkdownTranscript.Write(conversation.Title, messages.Select(m => (m.Role, m.Content))));
    }

    private static string FileNameOf(string title) =>
        NotNameCharacters().Replace(title.ToLowerInvariant(), "-").Trim('-') is { Length: > 0 } slug ? slug[..Math.Min(slug.Length, 80)] : "conversation";

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotNameCharacters();
}
