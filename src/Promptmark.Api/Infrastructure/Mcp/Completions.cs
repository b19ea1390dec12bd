using ModelContextProtocol.Protocol;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>Answers for <c>completion/complete</c>: the candidates that start with what the user typed.</summary>
public static class Completions
{
    /// <summary>The protocol's limit on the values one answer carries.</summary>
    public const int MaxValues = 100;

    public static readonly CompleteResult None = new();

    /// <summary>The distinct candidates starting with <paramref name="typed"/> (ordinal, case-insensitive), in order, at most <see cref="MaxValues"/>.</summary>
    public static CompleteResult Matching(IEnumerable<string> candidates, string? typed)
    {
        var matches = candidates.Where(c => c.StartsWith(typed ?? "", StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).ToList();
        return new CompleteResult
        {
            Completion = new Completion { Values = matches.Take(MaxValues).ToList(), Total = matches.Count, HasMore = matches.Count > MaxValues },
        };
    }
}
