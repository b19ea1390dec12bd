using System.Text.Json;
using Marten;

namespace Promptmark.Api.Features.Responses;

/// <summary>A model's answer to a prompt, kept for comparison. Deleting it is permanent.</summary>
public sealed class CapturedResponse
{
    public Guid Id { get; set; }
    public Guid PromptId { get; set; }
    public string ModelId { get; set; } = "";
    public string Content { get; set; } = "";
    public JsonElement? Metadata { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class CapturedResponseStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Schema.For<CapturedResponse>().Index(r => r.PromptId).Index(r => r.CreatedAt);
}

public sealed record CapturedResponseView(Guid Id, Guid PromptId, string ModelId, string Content, JsonElement? Metadata, DateTimeOffset CreatedAt)
{
    public static CapturedResponseView Of(CapturedResponse r) => new(r.Id, r.PromptId, r.ModelId, r.Content, r.Metadata, r.CreatedAt);
}

/// <summary>A response in a list: the first characters only, the whole text through get_captured_response.</summary>
public sealed record CapturedResponseSummary(Guid Id, Guid PromptId, string ModelId, string Preview, int ContentLength, JsonElement? Metadata, DateTimeOffset CreatedAt)
{
    public const int PreviewLength = 200;

    public static CapturedResponseSummary Of(CapturedResponse r) => new(
        r.Id, r.PromptId, r.ModelId, r.Content.Length <= PreviewLength ? r.Content : r.Content[..PreviewLength] + "…",
        r.Content.Length, r.Metadata, r.CreatedAt);
}

public sealed record CapturedResponsePage(IReadOnlyList<CapturedResponseSummary> Responses, long Total, int Limit, int Offset);
