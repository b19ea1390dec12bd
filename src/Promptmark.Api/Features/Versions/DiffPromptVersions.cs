using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Versions;

[Description("Compare two versions of a prompt line by line.")]
public sealed record DiffPromptVersions : PrivateInput, ISlice<VersionDiff>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/prompts/{id}/versions/{a}/diff/{b}")
        .Described("Line diff of the content between version numbers a and b (the current state has the prompt's current version number)");

    [Required, Description("Prompt ID")]
    public string Id { get; init; } = "";

    [Description("Version number of the older side")]
    public int A { get; init; }

    [Description("Version number of the newer side")]
    public int B { get; init; }
}

public sealed record VersionDiff(Guid PromptId, int A, int B, string TitleA, string TitleB, int Added, int Removed, IReadOnlyList<DiffLine> Lines);

public static class DiffPromptVersionsHandler
{
    public static async Task<VersionDiff> Handle(DiffPromptVersions query, IDocumentSession session, CancellationToken ct)
    {
        var prompt = await session.LoadOwnedPromptAsync(query.Id, ct);
        var versions = await session.Query<PromptVersion>()
            .Where(v => v.PromptId == prompt.Id && (v.Number == query.A || v.Number == query.B)).ToListAsync(ct);
        (string Title, string Content) Side(int number) =>
            number == prompt.Version ? (prompt.Title, prompt.Content)
            : versions.FirstOrDefault(v => v.Number == number) is { } v ? (v.Title, v.Content)
            : throw new NotFoundException($"version {number}");
        var (a, b) = (Side(query.A), Side(query.B));
        var lines = LineDiff.Compare(a.Content, b.Content);
        return new VersionDiff(prompt.Id, query.A, query.B, a.Title, b.Title,
            lines.Count(l => l.Op == DiffOperation.Added), lines.Count(l => l.Op == DiffOperation.Removed), lines);
    }
}
