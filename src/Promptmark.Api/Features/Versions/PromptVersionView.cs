using Promptmark.Api.Features.Prompts;

namespace Promptmark.Api.Features.Versions;

/// <summary>A version without its text, for history lists.</summary>
public sealed record PromptVersionSummary(
    Guid Id, Guid PromptId, int Number, string Title, int ContentLength, string? Note, int? RestoredFrom, DateTimeOffset CreatedAt)
{
    public static PromptVersionSummary Of(PromptVersion v) =>
        new(v.Id, v.PromptId, v.Number, v.Title, v.Content.Length, v.Note, v.RestoredFrom, v.CreatedAt);
}

/// <summary>A whole snapshot: what the prompt said in that version.</summary>
public sealed record PromptVersionView(
    Guid Id, Guid PromptId, int Number, string Title, string Prompt, string? Notes, string? Note, int? RestoredFrom, DateTimeOffset CreatedAt)
{
    public static PromptVersionView Of(PromptVersion v) => new(v.Id, v.PromptId, v.Number, v.Title, v.Content, v.Notes, v.Note, v.RestoredFrom, v.CreatedAt);
}

/// <summary>
/// The current state's number, note and origin, the earlier versions newest first, and the labels: which version number
/// each name ("production", "staging") points at.
/// </summary>
public sealed record PromptHistory(
    Guid PromptId, int CurrentVersion, string? CurrentNote, int? CurrentRestoredFrom,
    IReadOnlyDictionary<string, int> Labels, IReadOnlyList<PromptVersionSummary> Versions)
{
    public static PromptHistory Of(Prompt prompt, IEnumerable<PromptVersion> versions) =>
        new(prompt.Id, prompt.Version, prompt.VersionNote, prompt.RestoredFrom, prompt.Labels, versions.Select(PromptVersionSummary.Of).ToList());
}
