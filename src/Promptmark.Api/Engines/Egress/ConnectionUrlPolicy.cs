namespace Promptmark.Api.Engines.Egress;

/// <summary>
/// Judges a user-supplied connection URL before anything is sent. It never resolves DNS: names are judged again, by
/// address, when <see cref="EgressGuard"/> opens the connection.
/// </summary>
public sealed class ConnectionUrlPolicy(EgressOptions options)
{
    private readonly AllowedHosts allowedHosts = new(options);

    public UrlCheck Check(string url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(IsRefusedCharacter))
            return UrlCheck.Refused(EgressRefusals.NotAnAbsoluteUrl);

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return UrlCheck.Refused(EgressRefusals.NotAnAbsoluteUrl);

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            return UrlCheck.Refused(EgressRefusals.UnsupportedScheme);

        var authority = RawAuthority(url);
        if (uri.UserInfo.Length > 0 || authority.Contains('@'))
            return UrlCheck.Refused(EgressRefusals.CredentialsInUrl);

        // Percent-encoding and IPv6 zone ids in the host have no use for a public server and hide what is dialled.
        if (authority.Contains('%') || uri.IdnHost.Length == 0)
            return UrlCheck.Refused(EgressRefusals.AddressNotAllowed);

        if (allowedHosts.Allows(uri.IdnHost, uri.Port) && IsWrittenCanonically(authority, uri))
            return UrlCheck.Allowed(uri);

        if (uri.Scheme != Uri.UriSchemeHttps)
            return UrlCheck.Refused(EgressRefusals.HttpsRequired);

        return IsPublicHost(uri.IdnHost) ? UrlCheck.Allowed(uri) : UrlCheck.Refused(EgressRefusals.AddressNotAllowed);
    }

    internal static bool IsPublicHost(string host)
    {
        var normalized = HostLiteral.Normalize(host);
        if (normalized.Length == 0 || normalized.EndsWith('.') || normalized.Contains('%'))
            return false;

        return HostLiteral.Read(normalized, out var address) switch
        {
            HostKind.Address => !AddressClassifier.IsForbidden(address!),
            HostKind.Name => !ForbiddenHostNames.IsForbidden(normalized),
            _ => false,
        };
    }

    // Uri rewrites 0x7f.1 to 127.0.0.1; an allowlist entry covers only the spelling the operator wrote.
    private static bool IsWrittenCanonically(string authority, Uri uri)
    {
        var hostEnd = authority.StartsWith('[') ? authority.IndexOf(']') + 1 : authority.LastIndexOf(':');
        var writtenHost = hostEnd > 0 ? authority[..hostEnd] : authority;
        return HostLiteral.Normalize(writtenHost) == HostLiteral.Normalize(uri.IdnHost);
    }

    // Backslashes, whitespace and control characters are read differently by different URL parsers.
    private static bool IsRefusedCharacter(char c) => c == '\\' || char.IsWhiteSpace(c) || char.IsControl(c);

    private static string RawAuthority(string url)
    {
        var start = url.IndexOf("//", StringComparison.Ordinal);
        if (start < 0)
            return "";
        start += 2;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        return end < 0 ? url[start..] : url[start..end];
    }
}
