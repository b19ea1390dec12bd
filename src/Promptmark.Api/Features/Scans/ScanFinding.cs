namespace Promptmark.Api.Features.Scans;

/// <summary>
/// One match of one rule. <see cref="Position"/> and <see cref="Length"/> index into the scanned field's text;
/// <see cref="Excerpt"/> is a short piece of context in which every sensitive value is masked.
/// </summary>
public sealed record ScanFinding(string Category, string Rule, string Field, int Position, int Length, string Excerpt);
