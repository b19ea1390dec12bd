namespace Promptmark.Api.Features.Tags;

/// <summary>A prompt's tags after a change.</summary>
public sealed record PromptTagList(Guid PromptId, IReadOnlyList<string> Tags, int Count, bool Changed);
