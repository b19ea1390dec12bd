using System.ComponentModel;
using Marten;
using Marten.Linq;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Conversations;

[Description("List conversations with optional search and source filtering.")]
public sealed record ListConversations : PrivateInput, ISlice<ConversationPage>, IValidated
{
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
        PageNumbers.Validate(Page, pageSize: null, PageNumbers.DefaultPageSize, errors);
        errors.When(Source is { Length: > 0 } source && !ConversationSources.All.Contains(source), "source", $"must be one of {string.Join(", ", ConversationSources.All)}");
    }
}

public static class ListConversationsHandler
{
    public static async Task<ConversationPage> Handle(ListConversations query, IDocumentSession session, CancellationToken ct)
    {
        var (page, size, skip) = PageNumbers.Resolve(query.Page, pageSize: null);
        IQueryable<Conversation> conversations = session.Query<Conversation>();
        if (query.Search is { Length: > 0 } search) conversations = conversations.Where(c => c.Title.Contains(search, StringComparison.OrdinalIgnoreCase));
        if (query.Source is { Length: > 0 } source) conversations = conversations.Where(c => c.Source == source);
        var found = await conversations.Stats(out var stats).OrderByDescending(c => c.UpdatedAt)
            .Skip(skip).Take(size).ToListAsync(ct);
        return new ConversationPage(found.Select(ConversationView.Of).ToList(), stats.TotalResults, page, size);
    }
}
