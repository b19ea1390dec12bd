using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Connections.Schemas;

/// <summary>The <c>pattern</c> and <c>patternProperties</c> keywords: unanchored regular-expression searches.</summary>
internal static class SchemaPatterns
{
    // The patterns come from remote servers: a catastrophic-backtracking pattern gets a short time limit.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

    /// <summary>True only when the pattern is usable and definitely does not match.</summary>
    public static bool Fails(string pattern, string value) => IsMatch(pattern, value) == false;

    /// <summary>Whether the pattern matches; null when it is not a valid pattern or took too long (no constraint).</summary>
    public static bool? IsMatch(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (Exception exception) when (exception is ArgumentException or RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
