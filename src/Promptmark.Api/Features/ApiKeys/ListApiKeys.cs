using System.ComponentModel;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.ApiKeys;

[Description("List your API keys, newest first. Keys themselves are never shown again, only their hint.")]
public sealed record ListApiKeys : PrivateInput, ISlice<ApiKeyList>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/keys");
}

public sealed record ApiKeyList(IReadOnlyList<ApiKeyView> Keys);

public static class ListApiKeysHandler
{
    public static async Task<ApiKeyList> Handle(ListApiKeys query, IDocumentSession session, CancellationToken ct)
    {
        var keys = await session.Query<ApiKey>().OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
        return new ApiKeyList(keys.Select(ApiKeyView.Of).ToList());
    }
}
