namespace Promptmark.Api.Features.Versions;

/// <summary>A version without its text, for history lists.</summary>
public sealed record PromptVersionSummary(Guid Id, Guid PromptId, int Number, string Title, int ContentLength, DateTimeOffset CreatedAt)
{
    public static PromptVersionSummary Of(PromptVersion v) => new(v.Id, v.PromptId, v.Number, v.Title, v.Content.Length, v.CreatedAt);
}

/// <summary>A whole snapshot: what the prompt said in that version.</summary>
public sealed record PromptVersionView(Guid Id, Guid PromptId, int Number, string Title, string Prompt, string? Notes, DateTimeOffset CreatedAt)
{
    public static PromptVersionView Of(PromptVersion v) => new(v.Id, v.PromptId, v.Number, v.Title, v.Content, v.Notes, v.CreatedAt);
}

public sealed record PromptHistory(Guid PromptId, int CurrentVersion, IReadOnlyList<PromptVersionSummary> Versions);
