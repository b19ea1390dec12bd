using System.Diagnostics.CodeAnalysis;

namespace Promptmark.Api.Engines.Egress;

/// <summary>The outcome of <see cref="ConnectionUrlPolicy.Check"/>: the parsed URL, or a reason safe to show to users.</summary>
public sealed record UrlCheck(Uri? Url, string? Refusal)
{
    [MemberNotNullWhen(true, nameof(Url))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAllowed => Refusal is null;

    public static UrlCheck Allowed(Uri url) => new(url, null);

    public static UrlCheck Refused(string reason) => new(null, reason);
}
