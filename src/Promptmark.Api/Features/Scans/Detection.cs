namespace Promptmark.Api.Features.Scans;

/// <summary>
/// A rule's raw match before excerpts are built. When the match holds a sensitive value, the span
/// [MaskStart, MaskStart + MaskLength) is shown as <see cref="Mask"/> in every excerpt that reaches it.
/// <see cref="Specificity"/> decides which of two overlapping detections survives.
/// </summary>
internal readonly record struct Detection(
    string Category, string Rule, int Start, int Length, int Specificity,
    int MaskStart = 0, int MaskLength = 0, string? Mask = null)
{
    public int End => Start + Length;
    public int MaskEnd => MaskStart + MaskLength;
    public bool IsMasked => Mask is not null;

    /// <summary>A detection whose whole span is the sensitive value.</summary>
    public static Detection Masked(string category, string rule, int start, int length, int specificity, string mask) =>
        new(category, rule, start, length, specificity, start, length, mask);
}
