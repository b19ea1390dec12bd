using Promptmark.Api.Infrastructure.Caching;

namespace Promptmark.Api.Engines.Playbooks;

/// <summary>
/// Stored playbooks parsed by content (<see cref="ContentCache{T}"/>): a run reads its playbook's text at every step, and
/// every view of a playbook or a run reads it again. Text checked as it is typed (validate_playbook) is parsed with
/// <see cref="PlaybookParser"/> itself, so that typing does not fill the cache.
/// </summary>
public static class PlaybookCache
{
    /// <summary>About 16 MB of playbook text (80 of the largest allowed); a parse costs about as much memory again.</summary>
    private static readonly ContentCache<PlaybookParseResult> Parsed = new(PlaybookParser.Parse, maxCharacters: 8_000_000);

    public static PlaybookParseResult Parse(string content) => Parsed.Parse(content);
}
