using System.Net;

namespace Promptmark.Api.Infrastructure.Security;

/// <summary>
/// The browser origins that may call <c>/api</c> and <c>/mcp</c>: the app's own origin (the request's scheme and host)
/// always, plus <c>Promptmark:AllowedOrigins</c>, a list such as <c>https://promptmark.example.com</c> where the port
/// <c>*</c> matches any port. Unset, the list is http(s) on localhost, 127.0.0.1 and [::1] on any port (local tools
/// such as the MCP Inspector); setting it replaces that default.
/// </summary>
public sealed class AllowedOrigins
{
    public const string Setting = "Promptmark:AllowedOrigins";

    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];
    private static readonly string[] Default = LoopbackHosts.SelectMany(host => new[] { $"http://{host}:*", $"https://{host}:*" }).ToArray();

    private readonly IReadOnlyList<OriginPattern> _patterns;

    public AllowedOrigins(IEnumerable<string> patterns) => _patterns = patterns.Select(OriginPattern.Parse).ToList();

    public static AllowedOrigins From(IConfiguration configuration) =>
        new(configuration.GetSection(Setting).Get<string[]>() is { Length: > 0 } configured ? configured : Default);

    /// <summary>The origin may call the API and the MCP endpoint from a browser.</summary>
    public bool Allows(string origin, HttpRequest request) => IsOwn(origin, request) || _patterns.Any(p => p.Matches(origin));

    /// <summary>
    /// The origin is the app itself: the request's own scheme and host, or a configured origin with an exact port (the
    /// public origin of a reverse proxy). Port wildcards don't count: another port on localhost is another application.
    /// </summary>
    public bool IsOwn(string origin, HttpRequest request) =>
        OriginPattern.TryParse($"{request.Scheme}://{request.Host}", out var own) && own.Matches(origin)
        || _patterns.Any(p => !p.AnyPort && p.Matches(origin));

    /// <summary>
    /// The Host header a request reaching us on a loopback address may carry: a loopback name or a configured origin's
    /// host. Any other name pointing at 127.0.0.1 is a DNS rebinding attempt from a web page.
    /// </summary>
    public bool AllowsLoopbackHost(HostString host) =>
        LoopbackHosts.Contains(host.Host, StringComparer.OrdinalIgnoreCase)
        || _patterns.Any(p => string.Equals(p.Host, host.Host, StringComparison.OrdinalIgnoreCase));

    public static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);

    private sealed record OriginPattern(string Scheme, string Host, int? Port)
    {
        public bool AnyPort => Port is null;

        public bool Matches(string origin) =>
            TryParse(origin, out var other)
            && string.Equals(Scheme, other.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase)
            && (AnyPort || Port == other.Port);

        public static OriginPattern Parse(string pattern) => TryParse(pattern, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"{Setting}: '{pattern}' is not an origin such as https://promptmark.example.com or http://localhost:*.");

        public static bool TryParse(string text, out OriginPattern pattern)
        {
            var anyPort = text.EndsWith(":*", StringComparison.Ordinal);
            var candidate = anyPort ? text[..^2] : text;
            var valid = Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.UserInfo.Length == 0 && !candidate.EndsWith('/');
            pattern = valid ? new OriginPattern(uri!.Scheme, uri.Host, anyPort ? null : uri.Port) : null!;
            return valid;
        }
    }
}
