namespace Promptmark.Api.Features.PlaybookExecutions.Progress;

/// <summary>
/// A piece of the text a model step is writing (the <c>step_delta</c> event), sent to this server's subscribers as it
/// arrives and never stored: the step's whole text is stored once, at <c>step_done</c>. <see cref="Offset"/> is the length of
/// the step's text before this piece, so that a call made again (a retried move) starts over at 0 instead of adding to the
/// first call's text.
/// </summary>
public sealed record StepDelta(Guid ExecutionId, string Label, int Offset, string Text);
