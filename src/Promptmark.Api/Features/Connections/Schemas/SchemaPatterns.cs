using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Connections.Schemas;

internal enum PatternOutcome
{
    Match,
    NoMatch,
    /// <summary>Not a valid .NET regular expression: no constraint.</summary>
    Unusable,
    /// <summary>Ran past <see cref="SchemaPatterns.MatchTimeout"/>: the schema is too complex to check.</summary>
    TimedOut,
}

/// <summary>
/// The <c>pattern</c> and <c>patternProperties</c> keywords: unanchored regular-expression searches. Each pattern is
/// parsed once per check, however many fields and items it is tried on.
/// </summary>
internal sealed class SchemaPatterns
{
    // The patterns come from remote servers: a catastrophic-backtracking pattern gets a short time limit.
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

    private readonly Dictionary<string, Regex?> parsed = new(StringComparer.Ordinal);

    public PatternOutcome Match(string pattern, string value)
    {
        if (!parsed.TryGetValue(pattern, out var regex))
            parsed[pattern] = regex = Parse(pattern);
        if (regex is null) return PatternOutcome.Unusable;
        try
        {
            return regex.IsMatch(value) ? PatternOutcome.Match : PatternOutcome.NoMatch;
        }
        catch (RegexMatchTimeoutException)
        {
            return PatternOutcome.TimedOut;
        }
    }

    private static Regex? Parse(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
