namespace Promptmark.Api.Features.Conversations.Transcripts;

/// <summary>One conversation read out of an export file, before the import limits are checked.</summary>
public sealed record TranscriptConversation(string Where, string? Title, string? Model, IReadOnlyList<TranscriptMessage> Messages);

/// <summary>A message and where in the file it came from (a JSON path or a markdown line), so that a refusal can point at it.</summary>
public sealed record TranscriptMessage(string Where, string Role, string Content);
