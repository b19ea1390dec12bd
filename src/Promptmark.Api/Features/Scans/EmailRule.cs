using System.Buffers;
using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// Email addresses of people. Found from each '@' outwards, so text without '@' costs one vectorised search.
/// Not findings: reserved example domains (RFC 2606/6761), the usual placeholder domains and mailboxes
/// (yourcompany.com, john.doe@), role mailboxes such as support@ or noreply@ (they name a service, not a person),
/// and file names like icon@2x.png.
/// </summary>
internal static partial class EmailRule
{
    const int Specificity = 60;
    const int MaxLocalPart = 64;
    const int MaxDomain = 253;

    static readonly SearchValues<char> LocalChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-");
    static readonly SearchValues<char> DomainChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");

    static readonly HashSet<string> PlaceholderDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "test.com", "yourcompany.com", "your-company.com", "yourdomain.com", "your-domain.com", "domain.com",
        "company.com", "mycompany.com", "yoursite.com", "website.com", "acme.com", "acme.example",
    };

    static readonly string[] ReservedSuffixes = [".example", ".test", ".invalid", ".localhost", ".local", ".internal"];
    static readonly string[] ReservedDomains = ["example.com", "example.org", "example.net", "localhost"];

    static readonly HashSet<string> RoleMailboxes = new(StringComparer.OrdinalIgnoreCase)
    {
        "noreply", "no-reply", "donotreply", "do-not-reply", "support", "info", "help", "contact", "sales", "hello",
        "team", "privacy", "security", "abuse", "postmaster", "webmaster", "billing", "press", "careers", "jobs",
        "admin", "office", "feedback", "marketing", "legal", "git", "notifications", "mailer-daemon",
    };

    static readonly HashSet<string> PlaceholderMailboxes = new(StringComparer.OrdinalIgnoreCase)
    {
        "john.doe", "jane.doe", "johndoe", "janedoe", "john.smith", "jane.smith", "firstname.lastname", "first.last",
        "firstname", "lastname", "yourname", "your.name", "your-name", "username", "user", "someone", "somebody", "name",
        "email", "you", "foo", "bar", "foobar",
    };

    static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "js", "ts", "css", "map", "json", "md", "txt", "pdf", "mjs",
    };

    public static void Find(string text, List<Detection> found)
    {
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            var start = at;
            while (start > 0 && at - start < MaxLocalPart && LocalChars.Contains(text[start - 1])) start--;
            if (start > 0 && LocalChars.Contains(text[start - 1])) continue;
            var end = at + 1;
            while (end < text.Length && end - at <= MaxDomain && DomainChars.Contains(text[end])) end++;
            while (end > at + 1 && text[end - 1] is '.' or '-') end--;

            var candidate = text.AsSpan(start, end - start);
            if (!Shape().IsMatch(candidate) || IsNotPersonal(candidate[..(at - start)], candidate[(at - start + 1)..])) continue;
            found.Add(Detection.Masked(ScanCategories.Pii, "email", start, end - start, Specificity, Masks.Email(candidate)));
        }
    }

    static bool IsNotPersonal(ReadOnlySpan<char> local, ReadOnlySpan<char> domain)
    {
        var host = domain.ToString();
        var tld = host[(host.LastIndexOf('.') + 1)..];
        var mailbox = local.ToString();
        return RoleMailboxes.Contains(mailbox) || PlaceholderMailboxes.Contains(mailbox)
            || PlaceholderDomains.Contains(host)
            || FileExtensions.Contains(tld)
            || ReservedDomains.Any(d => host.Equals(d, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase))
            || ReservedSuffixes.Any(s => host.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
