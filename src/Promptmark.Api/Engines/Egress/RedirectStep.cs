using System.Diagnostics.CodeAnalysis;

namespace Promptmark.Api.Engines.Egress;

/// <summary>
/// What to do with a response: stop (not a redirect), follow <see cref="Target"/>, or give up with a
/// <see cref="Refusal"/>. When <see cref="OriginChanged"/> is set, credentials must not be sent to the target.
/// </summary>
public sealed record RedirectStep(bool IsRedirect, Uri? Target, bool OriginChanged, string? Refusal)
{
    [MemberNotNullWhen(true, nameof(Target))]
    public bool ShouldFollow => IsRedirect && Refusal is null;

    public static readonly RedirectStep NotARedirect = new(false, null, false, null);

    public static RedirectStep Follow(Uri target, bool originChanged) => new(true, target, originChanged, null);

    public static RedirectStep Refused(string reason) => new(true, null, false, reason);
}
