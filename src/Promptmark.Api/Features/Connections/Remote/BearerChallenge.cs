using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>The parameters of a <c>WWW-Authenticate</c> challenge (RFC 6750 §3, RFC 9728 §5.1), names lower-cased, first one wins.</summary>
public static partial class BearerChallenge
{
    public static Dictionary<string, string> Parameters(string? challenge) =>
        challenge is null
            ? []
            : Parameter().Matches(challenge).GroupBy(m => m.Groups["name"].Value.ToLowerInvariant())
                .ToDictionary(g => g.Key, g => g.First().Groups["quoted"].Success ? g.First().Groups["quoted"].Value : g.First().Groups["token"].Value);

    [GeneratedRegex("""(?<name>[A-Za-z_][A-Za-z0-9_-]*)=(?:"(?<quoted>[^"]*)"|(?<token>[^\s,"]+))""")]
    private static partial Regex Parameter();
}
