using System.ComponentModel;
using Marten;
using Marten.Linq;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations;

[Description("List conversations with optional search and source filtering.")]
public sealed record ListConversations : PrivateInput, ISlice<ConversationPage>, IValidated
{
    public const int PageSize = 20;

    /// <summary>Far beyond any real list, and low enough that the offset it makes stays an int.</summary>
    public const int MaxPage = 100_000;

    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/conversations").AsTool("list_conversations", "List conversations")
        .Described("Your conversations, most recently active first, 20 a page, without their messages");

    [Description("Page number (1-indexed, default 1)")]
    public int? Page { get; init; }

    [Description("Search conversations by title")]
    public string? Search { get; init; }

    [Description("Filter by source: native, claude, chatgpt, json, markdown")]
    public string? Source { get; init; }

    public void Validate(InputErrors errors)
    {
        errors.When(Page is < 1 or > MaxPage, "page", $"must be between 1 and {MaxPage:N0}");
        errors.When(Source is { Length: > 0 } source && !ConversationSources.All.Contains(source), "source", $"must be one of {string.Join(", ", ConversationSources.All)}");
    }
}

public static class ListConversationsHandler
{
    public static async Task<ConversationPage> Handle(ListConversations query, IDocumentSession session, CancellationToken ct)
    {
        var page = query.Page ?? 1;
        IQueryable<Conversation> conversations = session.Query<Conversation>();
        if (query.Search is { Length: > 0 } search) conversations = conversations.Where(c => c.Title.Contains(search, StringComparison.OrdinalIgnoreCase));
        if (query.Source is { Length: > 0 } source) conversations = conversations.Where(c => c.Source == source);
        var found = await conversations.Stats(out var stats).OrderByDescending(c => c.UpdatedAt)
            .Skip((page - 1) * ListConversations.PageSize).Take(ListConversations.PageSize).ToListAsync(ct);
        return new ConversationPage(found.Select(ConversationView.Of).ToList(), stats.TotalResults, page, ListConversations.PageSize);
    }
}
