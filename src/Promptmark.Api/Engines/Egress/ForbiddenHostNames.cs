namespace Promptmark.Api.Engines.Egress;

/// <summary>Names that always mean "this machine" or "the private network", whatever DNS says about them.</summary>
internal static class ForbiddenHostNames
{
    private static readonly string[] ForbiddenSuffixes =
    [
        ".localhost", ".local", ".localdomain", ".internal", ".home.arpa", ".arpa", ".lan", ".intranet",
    ];

    public static bool IsForbidden(string normalizedHost) =>
        normalizedHost == "localhost"
        // A single-label name is completed from the machine's DNS search list, which points inside the network.
        || !normalizedHost.Contains('.')
        || ForbiddenSuffixes.Any(suffix => normalizedHost.EndsWith(suffix, StringComparison.Ordinal));
}
